#ifndef HUBSH_CSUPPORT_H
#define HUBSH_CSUPPORT_H

#include <stdint.h>

/// Installs a SIGINT handler that only records the signal (no SA_RESTART, so a blocking
/// read returns EINTR). The shell polls the flag between steps of long commands.
void hubsh_install_sigint_handler(void);

/// Restores the default SIGINT action (used by non-interactive runs that exit on SIGINT).
void hubsh_default_sigint(void);

/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
int hubsh_take_interrupt(void);

/// Returns 1 if SIGINT arrived since the last clear, without clearing it.
int hubsh_interrupt_pending(void);

/// Takes SIGTERM and SIGHUP the way the SIGINT handler takes Ctrl-C (records the signal and
/// sets the interrupt flag) until `hubsh_release_termination`, so that a command with cleanup
/// to do stops and cleans up. A signal the process ignores (SIGHUP under nohup) stays ignored.
void hubsh_catch_termination(void);

/// Gives SIGTERM and SIGHUP back the actions they had before `hubsh_catch_termination`.
void hubsh_release_termination(void);

/// The SIGTERM or SIGHUP that arrived while caught, or 0. It stays set: the process is ending.
int hubsh_termination_pending(void);

/// Ends the process by the termination signal that arrived while caught, with the signal's
/// default action, so that the parent sees it die of that signal (a shell reports 143 or 129).
/// Returns only when none arrived.
void hubsh_end_by_termination(void);

/// Ignores SIGPIPE so that a closed pipe gives EPIPE on write instead of killing the process.
void hubsh_ignore_sigpipe(void);

/// The width of the terminal on `descriptor` in columns, or 0 when it is not a terminal.
int hubsh_terminal_columns(int descriptor);

// Wait words: a 32-bit word that one thread sets and others sleep on, for hand-offs between
// threads of this process that must not wake anyone else (Linux futexes, private to the
// process). Every access is atomic.

/// The word's value (acquire: what was written before the matching store is visible).
uint32_t hubsh_word_load(const uint32_t *word);

/// Sets the word (release); pair it with `hubsh_word_wake` to wake its sleepers.
void hubsh_word_store(uint32_t *word, uint32_t value);

/// Adds one to the word and returns the new value.
uint32_t hubsh_word_increment(uint32_t *word);

/// Sets `bits` in the word and returns the new value.
uint32_t hubsh_word_or(uint32_t *word, uint32_t bits);

/// Sleeps while the word holds `expected`, for at most `timeout_nanos` (negative: no limit).
/// Returns 1 when the time ran out, 0 otherwise: woken, interrupted, or the word had already
/// changed. Callers check the word again whatever it returns.
int hubsh_word_wait(uint32_t *word, uint32_t expected, int64_t timeout_nanos);

/// Wakes up to `count` threads sleeping on the word (`FUTEX_WAKE`).
void hubsh_word_wake(uint32_t *word, int count);

#endif
