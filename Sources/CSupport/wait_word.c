#include "CSupport.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

uint32_t hubsh_word_load(const uint32_t *word) {
    return __atomic_load_n(word, __ATOMIC_ACQUIRE);
}

void hubsh_word_store(uint32_t *word, uint32_t value) {
    __atomic_store_n(word, value, __ATOMIC_RELEASE);
}

uint32_t hubsh_word_increment(uint32_t *word) {
    return __atomic_add_fetch(word, 1, __ATOMIC_ACQ_REL);
}

uint32_t hubsh_word_or(uint32_t *word, uint32_t bits) {
    return __atomic_or_fetch(word, bits, __ATOMIC_ACQ_REL);
}

int hubsh_word_wait(uint32_t *word, uint32_t expected, int64_t timeout_nanos) {
    struct timespec relative;
    struct timespec *limit = NULL;
    if (timeout_nanos >= 0) {
        relative.tv_sec = (time_t)(timeout_nanos / 1000000000);
        relative.tv_nsec = (long)(timeout_nanos % 1000000000);
        limit = &relative;
    }
    long result = syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, limit, NULL, 0);
    if (result == 0) return 0;
    return errno == ETIMEDOUT ? 1 : 0;
}

void hubsh_word_wake(uint32_t *word, int count) {
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}
