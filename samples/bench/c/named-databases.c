// What a named database costs a durable LMDB commit of one record: the same loop of
// single-record commits (MDB_APPEND, 100-byte values, a flush per commit), once into the
// main database and once into 4 named databases in turn, as hubsh keeps a hub's partitions.
// Each of the two runs in a fresh environment; the pair is repeated, alternating the order.
//
//   gcc -O2 -o /tmp/named-databases samples/bench/c/named-databases.c -llmdb
//   /tmp/named-databases "$(mktemp -d)" 2000 6
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define CHECK(call) do { int rc_ = (call); if (rc_) { \
    fprintf(stderr, "%s: %s\n", #call, mdb_strerror(rc_)); exit(1); } } while (0)

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

// Commits `count` single records into `databases` named databases in turn (0: the main
// database) in a fresh environment under `parent`; returns records per second.
static double run(const char *parent, int databases, int count, int serial) {
    char path[4096];
    snprintf(path, sizeof path, "%s/env-%d", parent, serial);
    mkdir(path, 0755);
    MDB_env *env;
    CHECK(mdb_env_create(&env));
    CHECK(mdb_env_set_maxdbs(env, 16));
    CHECK(mdb_env_set_mapsize(env, 1UL << 30));
    CHECK(mdb_env_open(env, path, MDB_NOTLS, 0644));

    MDB_dbi dbis[16];
    int handles = databases > 0 ? databases : 1;
    MDB_txn *txn;
    CHECK(mdb_txn_begin(env, NULL, 0, &txn));
    for (int i = 0; i < handles; i++) {
        char name[16];
        snprintf(name, sizeof name, "p-%d", i);
        CHECK(mdb_dbi_open(txn, databases > 0 ? name : NULL, MDB_CREATE, &dbis[i]));
    }
    CHECK(mdb_txn_commit(txn));

    char value[100];
    memset(value, 'a', sizeof value);
    uint64_t next[16] = {0};
    double start = now();
    for (int i = 0; i < count; i++) {
        int which = i % handles;
        uint64_t key = __builtin_bswap64(next[which]++);
        MDB_val k = {sizeof key, &key}, v = {sizeof value, value};
        CHECK(mdb_txn_begin(env, NULL, 0, &txn));
        CHECK(mdb_put(txn, dbis[which], &k, &v, MDB_APPEND));
        CHECK(mdb_txn_commit(txn));
    }
    double rate = count / (now() - start);
    mdb_env_close(env);
    char file[4200];
    snprintf(file, sizeof file, "%s/data.mdb", path);
    unlink(file);
    snprintf(file, sizeof file, "%s/lock.mdb", path);
    unlink(file);
    rmdir(path);
    return rate;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s SCRATCH_DIR RECORDS PAIRS\n", argv[0]);
        return 2;
    }
    int count = atoi(argv[2]), pairs = atoi(argv[3]);
    double ratios[256];
    for (int pair = 0; pair < pairs && pair < 256; pair++) {
        double main_rate, named_rate;
        if (pair % 2 == 0) {
            main_rate = run(argv[1], 0, count, 2 * pair);
            named_rate = run(argv[1], 4, count, 2 * pair + 1);
        } else {
            named_rate = run(argv[1], 4, count, 2 * pair);
            main_rate = run(argv[1], 0, count, 2 * pair + 1);
        }
        ratios[pair] = named_rate / main_rate;
        printf("main database %.0f commits/s, 4 named databases %.0f/s: %.2f\n",
               main_rate, named_rate, ratios[pair]);
    }
    qsort(ratios, pairs, sizeof ratios[0], compare);
    printf("median %.2f of %d pairs\n", ratios[(pairs - 1) / 2], pairs);
    return 0;
}
