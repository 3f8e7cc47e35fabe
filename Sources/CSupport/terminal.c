#include "CSupport.h"

#include <sys/ioctl.h>
#include <unistd.h>

int hubsh_terminal_columns(int descriptor) {
    struct winsize size;
    if (ioctl(descriptor, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
        return 0;
    }
    return size.ws_col;
}
