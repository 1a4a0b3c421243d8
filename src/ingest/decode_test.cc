// Tests of encoding detection and conversion (decode.h, DecodeToUtf8).
#include "ingest/decode.h"

#include <gtest/gtest.h>

#include "ingest/reader.h"

namespace crosscheck {
namespace {

using namespace std::string_literals;

TEST(DecodeToUtf8, ValidUtf8PassesThrough) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("Caf\xC3\xA9 au lait \xE2\x80\x94 done", "", &encoding),
            "Caf\xC3\xA9 au lait \xE2\x80\x94 done");
  EXPECT_EQ(encoding, "UTF-8");
}

TEST(DecodeToUtf8, DropsControlCharactersButKeepsLineBreaks) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("a\x00"
                         "b\x01\tc\r\nd\x1F"
                         "e"s,
                         "", &encoding),
            "ab\tc\r\nde");
  EXPECT_EQ(DecodeToUtf8("page one\fpage two", "", &encoding), "page one\npage two");
}

TEST(DecodeToUtf8, InvalidSequencesBecomeReplacementCharacters) {
  std::string encoding;
  // Mostly good UTF-8 (two curly quotes) with a stray byte and a cut-off sequence.
  std::string text =
      DecodeToUtf8("\xE2\x80\x9CWell\xE2\x80\x9D, she said \xFF then \xE2\x80", "", &encoding);
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_EQ(text, "\xE2\x80\x9CWell\xE2\x80\x9D, she said \xEF\xBF\xBD then \xEF\xBF\xBD");
}

TEST(DecodeToUtf8, Windows1252Detected) {
  std::string encoding;
  std::string text =
      DecodeToUtf8("The mayor\x92s aide said the bridge would reopen \x93soon\x94, after repairs.",
                   "", &encoding);
  EXPECT_EQ(encoding, "windows-1252");
  EXPECT_EQ(text,
            "The mayor\xE2\x80\x99s aide said the bridge would reopen \xE2\x80\x9Csoon\xE2\x80\x9D"
            ", after repairs.");
}

TEST(DecodeToUtf8, CyrillicWindows1251Detected) {
  // "Городской совет обсудил новый бюджет на следующий год" in windows-1251.
  std::string cp1251 =
      "\xc3\xee\xf0\xee\xe4\xf1\xea\xee\xe9 \xf1\xee\xe2\xe5\xf2 \xee\xe1\xf1\xf3\xe4\xe8\xeb "
      "\xed\xee\xe2\xfb\xe9 \xe1\xfe\xe4\xe6\xe5\xf2 \xed\xe0 \xf1\xeb\xe5\xe4\xf3\xfe\xf9\xe8\xe9 "
      "\xe3\xee\xe4";
  std::string encoding;
  std::string text = DecodeToUtf8(cp1251, "", &encoding);
  EXPECT_EQ(encoding, "windows-1251");
  EXPECT_TRUE(text.starts_with("\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4"));  // "Город"
}

TEST(DecodeToUtf8, DeclaredEncodingIsUsed) {
  std::string encoding;
  // 0xE9 is e-acute in Latin-1; declared latin1 is read as its superset windows-1252.
  EXPECT_EQ(DecodeToUtf8("r\xE9sum\xE9", "ISO-8859-1", &encoding), "r\xC3\xA9sum\xC3\xA9");
  EXPECT_EQ(encoding, "windows-1252");
  // KOI8-R "мир" (peace).
  EXPECT_EQ(DecodeToUtf8("\xCD\xC9\xD2", "koi8-r", &encoding), "\xD0\xBC\xD0\xB8\xD1\x80");
  EXPECT_EQ(encoding, "KOI8-R");
}

TEST(DecodeToUtf8, MislabelledUtf8IsReadAsUtf8) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("na\xC3\xAFve caf\xC3\xA9", "iso-8859-1", &encoding),
            "na\xC3\xAFve caf\xC3\xA9");
  EXPECT_EQ(encoding, "UTF-8");
}

TEST(DecodeToUtf8, UnknownLabelFallsBackToDetection) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("plain words", "no-such-charset", &encoding), "plain words");
  EXPECT_EQ(encoding, "UTF-8");
}

TEST(DecodeToUtf8, ByteOrderMarks) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("\xEF\xBB\xBFhello", "", &encoding), "hello");
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_EQ(DecodeToUtf8("\xFF\xFEh\0i\0\xE9\0"s, "", &encoding), "hi\xC3\xA9");
  EXPECT_EQ(encoding, "UTF-16LE");
  EXPECT_EQ(DecodeToUtf8("\xFE\xFF\0h\0i"s, "windows-1252", &encoding), "hi");  // BOM wins
  EXPECT_EQ(encoding, "UTF-16BE");
}

TEST(DecodeToUtf8, Utf16WithoutBomRecognised) {
  std::string encoding;
  EXPECT_EQ(DecodeToUtf8("r\0i\0v\0e\0r\0 \0b\0a\0n\0k\0"s, "", &encoding), "river bank");
  EXPECT_EQ(encoding, "UTF-16LE");
}

TEST(DecodeToUtf8, UnpairedSurrogateReplaced) {
  std::string encoding;
  // "a", a lone high surrogate, "b" in UTF-16LE.
  EXPECT_EQ(DecodeToUtf8("\xFF\xFE"
                         "a\0\x00\xD8"
                         "b\0"s,
                         "", &encoding),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(HtmlDeclaredCharset, MetaCharsetForms) {
  EXPECT_EQ(HtmlDeclaredCharset("<html><head><meta charset=\"windows-1250\"></head>"),
            "windows-1250");
  EXPECT_EQ(HtmlDeclaredCharset("<HEAD><META HTTP-EQUIV='Content-Type' "
                                "CONTENT='text/html; charset=ISO-8859-2'></HEAD>"),
            "ISO-8859-2");
  EXPECT_EQ(HtmlDeclaredCharset("<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><html>"),
            "iso-8859-15");
  EXPECT_EQ(HtmlDeclaredCharset("<html><head><title>x</title></head>"), "");
  // Only the first few KB are searched.
  EXPECT_EQ(HtmlDeclaredCharset(std::string(8000, ' ') + "<meta charset=utf-8>"), "");
}

TEST(ContentType, MimeAndCharset) {
  EXPECT_EQ(ContentTypeMime(" Text/HTML ; charset=\"Shift_JIS\""), "text/html");
  EXPECT_EQ(ContentTypeCharset(" Text/HTML ; charset=\"Shift_JIS\""), "Shift_JIS");
  EXPECT_EQ(ContentTypeCharset("text/plain"), "");
}

TEST(LooksBinary, TextIsNotBinary) {
  EXPECT_FALSE(LooksBinary("An ordinary sentence.\nAnother line.\t(tabbed)"));
  EXPECT_FALSE(LooksBinary("\xFF\xFEh\0i\0"s));
  EXPECT_FALSE(LooksBinary(""));
}

TEST(LooksBinary, NulsAndControlsAreBinary) {
  std::string image = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"s;
  EXPECT_TRUE(LooksBinary(image));
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919 + 13) % 251));
  EXPECT_TRUE(LooksBinary(noise));
}

TEST(AppendCleanUtf8, MaximalSubpartsEachBecomeOneReplacement) {
  std::string out;
  // E0 80 is ill-formed at its second byte: two replacements (E0, then 80), as Unicode advises.
  AppendCleanUtf8("x\xE0\x80y\xF0\x9F\x98z", &out);
  EXPECT_EQ(out, "x\xEF\xBF\xBD\xEF\xBF\xBDy\xEF\xBF\xBDz");
}

TEST(AppendCleanUtf8, ControlCharacterAtEveryPositionOfAWord) {
  for (size_t at = 0; at < 20; ++at) {
    std::string text(20, 'k');
    text[at] = '\x02';
    std::string out;
    AppendCleanUtf8(text, &out);
    EXPECT_EQ(out, std::string(19, 'k')) << "control at " << at;
  }
  std::string accented;
  for (int i = 0; i < 10; ++i) accented += "\xC3\xA9\xE2\x82\xAC";  // é€: high bytes, no controls
  std::string out;
  AppendCleanUtf8(accented, &out);
  EXPECT_EQ(out, accented);
}

TEST(LooksBinary, ManyLineBreaksAreStillText) {
  std::string lines;
  for (int i = 0; i < 500; ++i) lines += "a\r\n";  // two thirds of the bytes are controls
  EXPECT_FALSE(LooksBinary(lines));
  std::string bells(100, 'b');
  for (size_t i = 0; i < bells.size(); i += 10) bells[i] = '\x07';  // 10% BEL characters
  EXPECT_TRUE(LooksBinary(bells));
}

}  // namespace
}  // namespace crosscheck
