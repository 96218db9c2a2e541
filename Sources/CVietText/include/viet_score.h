#ifndef VIET_SCORE_H
#define VIET_SCORE_H

/// The ranking function, in one place for both ways of ranking: vvrank() over FTS5's matches
/// (the slow, obvious path) and the search index's own evaluation (the fast path). Both call
/// these with the same numbers in the same order, so they give bit-identical scores.

/// Weights of a match in the title (type, number, trích yếu, issuer, signer), in a heading
/// path, and in body text: the columns of `documents_fts`, in order.
enum { VV_COLUMNS = 3 };
static const int vv_column_weight[VV_COLUMNS] = {10, 4, 1};

/// BM25F: one phrase's contribution, with `wtf` its weighted frequency in the document
/// (each occurrence counted with its column's weight), `length` the document's tokens and
/// `average` their mean over the archive.
static inline double vv_phrase_score(double idf, int wtf, int length, double average) {
    const double k1 = 1.2, b = 0.75;
    double frequency = (double)wtf;
    return idf * frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * (double)length / average));
}

#endif
