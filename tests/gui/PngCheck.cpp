// Checks a screenshot is a real picture: the expected size and enough distinct colours that it
// cannot be a blank or single-colour window. Usage: gui_png_check FILE WIDTH HEIGHT MIN_COLOURS
#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <iostream>
#include <set>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: gui_png_check FILE WIDTH HEIGHT MIN_COLOURS\n";
        return 2;
    }
    sf::Image image;
    if (!image.loadFromFile(argv[1])) {
        std::cerr << argv[1] << ": not a readable image\n";
        return 1;
    }
    const auto size = image.getSize();
    const auto width = static_cast<unsigned>(std::atoi(argv[2])), height = static_cast<unsigned>(std::atoi(argv[3]));
    if (size.x != width || size.y != height) {
        std::cerr << argv[1] << ": " << size.x << "x" << size.y << ", expected " << width << "x" << height << "\n";
        return 1;
    }
    std::set<unsigned> colours;
    for (unsigned y = 0; y < size.y; y += 3)
        for (unsigned x = 0; x < size.x; x += 3) colours.insert(image.getPixel(x, y).toInteger());
    const auto wanted = static_cast<std::size_t>(std::atoi(argv[4]));
    std::cout << argv[1] << ": " << colours.size() << " colours\n";
    if (colours.size() < wanted) {
        std::cerr << argv[1] << ": only " << colours.size() << " colours; looks blank\n";
        return 1;
    }
    std::cout << "1 passed, 0 failed\n";
    return 0;
}
