#ifndef HOST_INTERNAL_H
#define HOST_INTERNAL_H

#include <sqlite3.h>

/// The SQLite calls of whoever registered us: vanban's own, or a host's that loaded us as an
/// extension (possibly another SQLite build), so every call goes through this table.
typedef struct {
    int (*prepare)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    int (*bind_pointer)(sqlite3_stmt *, int, void *, const char *, void (*)(void *));
    int (*step)(sqlite3_stmt *);
    int (*finalize)(sqlite3_stmt *);
    double (*value_double)(sqlite3_value *);
    void (*result_double)(sqlite3_context *, double);
    int (*create_function_v2)(sqlite3 *, const char *, int, int, void *,
                              void (*)(sqlite3_context *, int, sqlite3_value **),
                              void (*)(sqlite3_context *, int, sqlite3_value **), void (*)(sqlite3_context *),
                              void (*)(void *));
    int (*value_int)(sqlite3_value *);
    const void *(*value_blob)(sqlite3_value *);
    int (*value_bytes)(sqlite3_value *);
    void (*result_text)(sqlite3_context *, const char *, int, void (*)(void *));
    void (*result_error)(sqlite3_context *, const char *, int);
    void *(*user_data)(sqlite3_context *);
    sqlite3_int64 (*value_int64)(sqlite3_value *);
    sqlite3 *(*context_db_handle)(sqlite3_context *);
    int (*blob_open)(sqlite3 *, const char *, const char *, const char *, sqlite3_int64, int, sqlite3_blob **);
    int (*blob_bytes)(sqlite3_blob *);
    int (*blob_read)(sqlite3_blob *, void *, int, int);
    int (*blob_close)(sqlite3_blob *);
    int (*total_changes)(sqlite3 *);
    int (*file_control)(sqlite3 *, const char *, int, void *);
} SQLiteCalls;

extern SQLiteCalls host;

/// Registers vv_text(block, start, length) and vv_stored_text(document_id, start, length)
/// (see stored_text.c).
int vv_register_text_function(sqlite3 *db);

#endif
