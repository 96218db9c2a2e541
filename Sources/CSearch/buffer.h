// Growable byte buffers and the variable-length integers postings are written in.
#ifndef VS_BUFFER_H
#define VS_BUFFER_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t length, capacity;
} VSBuffer;

static inline int vs_reserve(VSBuffer *buffer, size_t more) {
    if (buffer->length + more <= buffer->capacity) return 0;
    size_t capacity = buffer->capacity ? buffer->capacity : 16;
    while (capacity < buffer->length + more) capacity *= 2;
    uint8_t *data = realloc(buffer->data, capacity);
    if (!data) return -1;
    buffer->data = data;
    buffer->capacity = capacity;
    return 0;
}

static inline int vs_put_varint(VSBuffer *buffer, uint32_t value) {
    if (vs_reserve(buffer, 5) != 0) return -1;
    uint8_t *p = buffer->data + buffer->length;
    while (value >= 0x80) {
        *p++ = (uint8_t)(value | 0x80);
        value >>= 7;
    }
    *p++ = (uint8_t)value;
    buffer->length = (size_t)(p - buffer->data);
    return 0;
}

static inline int vs_put_u32(VSBuffer *buffer, uint32_t value) {
    if (vs_reserve(buffer, 4) != 0) return -1;
    for (int i = 0; i < 4; i++) buffer->data[buffer->length++] = (uint8_t)(value >> (8 * i));
    return 0;
}

static inline void vs_set_u32(uint8_t *p, uint32_t value) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(value >> (8 * i));
}

static inline int vs_put_bytes(VSBuffer *buffer, const void *bytes, size_t n) {
    if (vs_reserve(buffer, n) != 0) return -1;
    memcpy(buffer->data + buffer->length, bytes, n);
    buffer->length += n;
    return 0;
}

static inline void vs_buffer_free(VSBuffer *buffer) {
    free(buffer->data);
    *buffer = (VSBuffer){0};
}

/// Reads a varint at `*p`, never past `end`; a truncated one sets `*bad`.
static inline uint32_t vs_get_varint(const uint8_t **p, const uint8_t *end, int *bad) {
    if (*p < end && **p < 0x80) return *(*p)++;  // most of what postings hold is one byte
    uint32_t value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (*p >= end) { *bad = 1; return 0; }
        uint8_t byte = *(*p)++;
        value |= (uint32_t)(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return value;
    }
    *bad = 1;
    return 0;
}

static inline uint32_t vs_get_u32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#endif
