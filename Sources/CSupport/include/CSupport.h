#ifndef HUBSH_CSUPPORT_H
#define HUBSH_CSUPPORT_H

/// Installs a SIGINT handler that only records the signal (no SA_RESTART, so a blocking
/// read returns EINTR). The shell polls the flag between steps of long commands.
void hubsh_install_sigint_handler(void);

/// Restores the default SIGINT action (used by non-interactive runs that exit on SIGINT).
void hubsh_default_sigint(void);

/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
int hubsh_take_interrupt(void);

/// Returns 1 if SIGINT arrived since the last clear, without clearing it.
int hubsh_interrupt_pending(void);

/// Ignores SIGPIPE so that a closed pipe gives EPIPE on write instead of killing the process.
void hubsh_ignore_sigpipe(void);

/// The width of the terminal on `descriptor` in columns, or 0 when it is not a terminal.
int hubsh_terminal_columns(int descriptor);

#endif
