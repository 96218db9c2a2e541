// Every document's length, columns and facets, indexed by document id: what ranking and
// filtering read for each match, so they never go back to SQLite.
#include "vanban_search.h"
#include "buffer.h"
#include "table_internal.h"
#include "viet_score.h"

#include <stdlib.h>
#include <string.h>

static const char magic[4] = {'V', 'S', 'D', '1'};
enum { HEADER = 20, PER_DOCUMENT = 1 + 1 + 2 + 2 + 2 + 4 + 4 + 4 + 4 };

static void *column(const uint8_t **p, uint32_t count, size_t width) {
    void *array = malloc(width * (count ? count : 1));
    if (array) memcpy(array, *p, width * count);
    *p += width * count;
    return array;
}

VSTable *vs_table_new(const uint8_t *blob, size_t length, double average_length) {
    if (length < HEADER || memcmp(blob, magic, 4) != 0) return NULL;
    uint32_t count = vs_get_u32(blob + 4);
    if (count > 0x7FFFFFFF / PER_DOCUMENT || length != HEADER + (size_t)count * PER_DOCUMENT) return NULL;
    VSTable *table = calloc(1, sizeof *table);
    if (!table) return NULL;
    table->count = count;
    table->type_count = vs_get_u32(blob + 8);
    table->group_count = vs_get_u32(blob + 12);
    table->label_count = vs_get_u32(blob + 16);
    const uint8_t *p = blob + HEADER;
    table->flags = column(&p, count, 1);
    table->type = column(&p, count, 1);
    table->group = column(&p, count, 2);
    table->label = column(&p, count, 2);
    table->year = column(&p, count, 2);
    table->length = column(&p, count, 4);
    table->title_tokens = column(&p, count, 4);
    table->heading_tokens = column(&p, count, 4);
    table->date = column(&p, count, 4);
    table->norm = malloc(sizeof(double) * (count ? count : 1));
    if (!table->flags || !table->type || !table->group || !table->label || !table->year || !table->length
        || !table->title_tokens || !table->heading_tokens || !table->date || !table->norm) {
        vs_table_free(table);
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) table->norm[i] = vv_length_norm((int)table->length[i], average_length);
    return table;
}

uint32_t vs_table_count(const VSTable *table) { return table->count; }

void vs_table_free(VSTable *table) {
    if (!table) return;
    free(table->flags);
    free(table->type);
    free(table->group);
    free(table->label);
    free(table->year);
    free(table->length);
    free(table->title_tokens);
    free(table->heading_tokens);
    free(table->date);
    free(table->norm);
    free(table);
}
