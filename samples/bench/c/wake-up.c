// How long one thread takes to wake another on this machine: a thread signals a condition
// variable every 100 µs with the time it signalled, as hubsh's append signal wakes a tailing
// consumer, and the waiting thread records how long after the signal it runs. The floor
// under `bench e2e` in one process.
//
//   gcc -O2 -pthread -o /tmp/wake-up samples/bench/c/wake-up.c && /tmp/wake-up
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SIGNALS 100000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t signalled = PTHREAD_COND_INITIALIZER;
static uint64_t stamp, sent, seen;
static uint64_t latencies[SIGNALS];
static int measured;

static uint64_t nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void *wait_for_signals(void *unused) {
    (void)unused;
    while (seen < SIGNALS) {
        pthread_mutex_lock(&lock);
        while (sent == seen) pthread_cond_wait(&signalled, &lock);
        seen = sent;  // signals that came while it ran count once, as in hubsh
        uint64_t at = stamp;
        pthread_mutex_unlock(&lock);
        latencies[measured++] = nanos() - at;
    }
    return NULL;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(void) {
    pthread_t waiter;
    pthread_create(&waiter, NULL, wait_for_signals, NULL);
    uint64_t start = nanos();
    for (uint64_t i = 0; i < SIGNALS; i++) {
        uint64_t due = start + i * 100000;
        struct timespec at = {(time_t)(due / 1000000000), (long)(due % 1000000000)};
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
        pthread_mutex_lock(&lock);
        stamp = nanos();
        sent++;
        pthread_cond_signal(&signalled);
        pthread_mutex_unlock(&lock);
    }
    pthread_join(waiter, NULL);
    qsort(latencies, measured, sizeof latencies[0], compare);
    int n = measured;
    printf("wake-up of %d: p50 %.1f µs  p90 %.1f µs  p99 %.1f µs  p99.9 %.1f µs  max %.1f µs\n",
           n, latencies[n / 2] / 1e3, latencies[n * 9 / 10] / 1e3, latencies[n * 99 / 100] / 1e3,
           latencies[n * 999 / 1000] / 1e3, latencies[n - 1] / 1e3);
    return 0;
}
