#include "CSupport.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t termination = 0;

/* What SIGTERM and SIGHUP did before hubsh_catch_termination, restored by
   hubsh_release_termination. */
static struct sigaction saved_term;
static struct sigaction saved_hup;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
}

static void on_termination(int signo) {
    termination = signo;
    interrupted = 1;
}

/* Makes `handler` catch `signo`, without SA_RESTART, so that a blocking read the signal
   interrupts returns EINTR and the shell can look at the flag the handler set. */
static void install(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(signo, &action, NULL);
}

/* Installs on_termination for `signo` unless the signal is ignored (nohup ignores SIGHUP,
   and a hangup must then stay harmless); saves the action it replaces in `saved`. */
static void catch_unless_ignored(int signo, struct sigaction *saved) {
    sigaction(signo, NULL, saved);
    if (saved->sa_handler == SIG_IGN) return;
    install(signo, on_termination);
}

void hubsh_catch_termination(void) {
    catch_unless_ignored(SIGTERM, &saved_term);
    catch_unless_ignored(SIGHUP, &saved_hup);
}

void hubsh_release_termination(void) {
    sigaction(SIGTERM, &saved_term, NULL);
    sigaction(SIGHUP, &saved_hup, NULL);
}

int hubsh_termination_pending(void) {
    return termination;
}

void hubsh_end_by_termination(void) {
    int signo = termination;
    if (signo == 0) return;
    signal(signo, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signo);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(signo);
}

void hubsh_install_sigint_handler(void) {
    install(SIGINT, on_sigint);
}

void hubsh_default_sigint(void) {
    signal(SIGINT, SIG_DFL);
}

int hubsh_take_interrupt(void) {
    int was = interrupted;
    interrupted = 0;
    return was;
}

int hubsh_interrupt_pending(void) {
    return interrupted;
}

void hubsh_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}
