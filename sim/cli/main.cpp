// The `samverkan` command line program.
#include <iostream>
#include <string>
#include <vector>

#include "sim/cli/Commands.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return samverkan::cli::runMain(args, std::cout, std::cerr);
}
