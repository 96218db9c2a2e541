#ifndef VIET_SCORE_H
#define VIET_SCORE_H

/// The ranking function, in one place for both ways of ranking: vvrank() over FTS5's matches
/// (the slow, obvious path) and the search index's own evaluation (the fast path). Both call
/// these with the same numbers in the same order, so they give bit-identical scores.

/// Weights of a match in the title (type, number, trích yếu, issuer, signer), in a heading
/// path, and in body text: the columns of `documents_fts`, in order.
enum { VV_COLUMNS = 3 };
static const int vv_column_weight[VV_COLUMNS] = {10, 4, 1};

static const double vv_k1 = 1.2, vv_b = 0.75;

/// BM25's length normalisation of a document of `length` tokens, `average` their mean over the
/// archive: computed once a document, the same way by both paths.
static inline double vv_length_norm(int length, double average) {
    return vv_k1 * (1 - vv_b + vv_b * (double)length / average);
}

/// BM25F: one word's contribution, with `wtf` its weighted frequency in the document (each
/// occurrence counted with its column's weight) and `norm` the document's length norm.
static inline double vv_phrase_score(double idf, int wtf, double norm) {
    double frequency = (double)wtf;
    return idf * frequency * (vv_k1 + 1) / (frequency + norm);
}

#endif
