// Apache Avro C (Debian's libavro-dev). The value interface is a table of function pointers
// reached through macros, which Swift cannot import; these inline functions expose the few
// calls hubsh makes, one each, with the macro's name.
#include <avro.h>

static inline void hubsh_avro_value_iface_decref(avro_value_iface_t *iface) {
    avro_value_iface_decref(iface);
}
static inline int hubsh_avro_value_reset(avro_value_t *value) {
    return avro_value_reset(value);
}
static inline int hubsh_avro_value_set_null(avro_value_t *value) {
    return avro_value_set_null(value);
}
static inline int hubsh_avro_value_set_boolean(avro_value_t *value, int flag) {
    return avro_value_set_boolean(value, flag);
}
static inline int hubsh_avro_value_set_int(avro_value_t *value, int32_t number) {
    return avro_value_set_int(value, number);
}
static inline int hubsh_avro_value_set_long(avro_value_t *value, int64_t number) {
    return avro_value_set_long(value, number);
}
static inline int hubsh_avro_value_set_float(avro_value_t *value, float number) {
    return avro_value_set_float(value, number);
}
static inline int hubsh_avro_value_set_double(avro_value_t *value, double number) {
    return avro_value_set_double(value, number);
}
static inline int hubsh_avro_value_set_bytes(avro_value_t *value, void *bytes, size_t size) {
    return avro_value_set_bytes(value, bytes, size);
}
static inline int hubsh_avro_value_set_string_len(
    avro_value_t *value, const char *text, size_t sizeWithNul) {
    return avro_value_set_string_len(value, text, sizeWithNul);
}
static inline int hubsh_avro_value_set_enum(avro_value_t *value, int symbol) {
    return avro_value_set_enum(value, symbol);
}
static inline int hubsh_avro_value_set_fixed(avro_value_t *value, void *bytes, size_t size) {
    return avro_value_set_fixed(value, bytes, size);
}
static inline int hubsh_avro_value_get_by_index(
    avro_value_t *value, size_t index, avro_value_t *child) {
    return avro_value_get_by_index(value, index, child, NULL);
}
static inline int hubsh_avro_value_append(avro_value_t *value, avro_value_t *child) {
    return avro_value_append(value, child, NULL);
}
static inline int hubsh_avro_value_add(avro_value_t *value, const char *key, avro_value_t *child) {
    return avro_value_add(value, key, child, NULL, NULL);
}
static inline int hubsh_avro_value_set_branch(
    avro_value_t *value, int branch, avro_value_t *child) {
    return avro_value_set_branch(value, branch, child);
}
