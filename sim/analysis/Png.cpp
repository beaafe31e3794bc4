// SVG to PNG through librsvg and cairo.
#include <cairo.h>
#include <librsvg/rsvg.h>

#include <cstdio>

#include "sim/analysis/Curve.hpp"
#include "sim/exercise/Files.hpp"

namespace samverkan::analysis {

bool svgToPng(const std::string& svg, const std::string& path, std::string& error) {
    GError* gerror = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
    if (handle == nullptr) {
        error = std::string("cannot read the chart: ") + (gerror ? gerror->message : "unknown error");
        if (gerror) g_error_free(gerror);
        return false;
    }
    gdouble width = 0, height = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height)) width = 720, height = 400;
    const double scale = 2;  // sharp on high-density screens and in print
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * scale), static_cast<int>(height * scale));
    cairo_t* cr = cairo_create(surface);
    const RsvgRectangle viewport{0, 0, width * scale, height * scale};
    const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &gerror);
    if (!drawn) error = std::string("cannot draw the chart: ") + (gerror ? gerror->message : "unknown error");
    if (gerror) g_error_free(gerror);
    exercise::AtomicFile file(path, ".partial");
    const bool written = drawn && cairo_surface_write_to_png(surface, file.temporaryPath().c_str()) == CAIRO_STATUS_SUCCESS;
    if (drawn && !written) error = "cannot write " + path;
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    if (!written) {
        std::remove(file.temporaryPath().c_str());
        return false;
    }
    return file.commit(error);
}

}  // namespace samverkan::analysis
