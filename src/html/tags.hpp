// Internal to the HTML parser and the stages that read its tree: the element names the
// tree builder and the extractor treat specially, as small integers, so that the many
// "is it one of ..." tests of the WHATWG algorithm are switch statements, not string
// comparisons.
#pragma once

#include <cstdint>
#include <string_view>

namespace winnow::html {

// X-macro: every HTML element name with a rule of its own somewhere in Winnow. A name
// that is a C++ keyword gets a trailing underscore (Tag::template_).
#define WINNOW_HTML_TAGS(X)                                                                        \
  X(a)                                                                                             \
  X(abbr)                                                                                          \
  X(address)                                                                                       \
  X(applet) X(area) X(article) X(aside) X(audio) X(b) X(base) X(basefont) X(bdi) X(bdo) X(bgsound) \
      X(big) X(blink) X(blockquote) X(body) X(br) X(button) X(canvas) X(caption) X(center) X(cite) \
          X(code) X(col) X(colgroup) X(data) X(datalist) X(dd) X(del) X(details) X(dfn) X(dialog)  \
              X(dir) X(div) X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption) X(figure) X(font) \
                  X(footer) X(form) X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6) X(    \
                      head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe) X(image) X(img)       \
                      X(input) X(ins) X(kbd) X(keygen) X(label) X(legend) X(li) X(link) X(listing) \
                          X(main) X(map) X(mark) X(marquee) X(math) X(menu) X(menuitem) X(meta)    \
                              X(meter) X(nav) X(nobr) X(noembed) X(noframes) X(noscript) X(object) \
                                  X(ol) X(optgroup) X(option) X(output) X(p) X(param) X(picture)   \
                                      X(plaintext) X(pre) X(progress) X(q) X(rb) X(rp) X(rt)       \
                                          X(rtc) X(ruby) X(s) X(samp) X(script) X(search)          \
                                              X(section) X(select) X(slot) X(small) X(source)      \
                                                  X(span) X(strike) X(strong) X(style) X(sub)      \
                                                      X(summary) X(sup) X(svg) X(table) X(tbody)   \
                                                          X(td) X(template_) X(textarea) X(tfoot)  \
                                                              X(th) X(thead) X(time) X(title)      \
                                                                  X(tr) X(track) X(tt) X(u) X(ul)  \
                                                                      X(var) X(video) X(wbr)       \
                                                                          X(xmp)

enum class Tag : std::uint8_t {
  kUnknown,
#define WINNOW_HTML_TAG_ENUM(name) name,
  WINNOW_HTML_TAGS(WINNOW_HTML_TAG_ENUM)
#undef WINNOW_HTML_TAG_ENUM
};

// The Tag of a lower-case element name; Tag::kUnknown for any other name.
Tag tag_of(std::string_view lower_case_name);

}  // namespace winnow::html
