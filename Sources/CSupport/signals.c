#include "CSupport.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupted = 0;

static void on_sigint(int signo) {
    (void)signo;
    interrupted = 1;
}

void hubsh_install_sigint_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
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
