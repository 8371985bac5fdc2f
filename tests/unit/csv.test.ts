// Writing CSV: RFC 4180 quoting, and text a spreadsheet would run as a formula defused.
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/lib/csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone, and writes nothing for null and undefined", () => {
    expect(csvField("Checkout page")).toBe("Checkout page");
    expect(csvField(3)).toBe("3");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(0)).toBe("0");
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes fields with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvField("Shipping, returns")).toBe('"Shipping, returns"');
    expect(csvField('The "fast" option')).toBe('"The ""fast"" option"');
    expect(csvField("Line one\nLine two")).toBe('"Line one\nLine two"');
    expect(csvField("Line one\r\nLine two")).toBe('"Line one\r\nLine two"');
    expect(csvField('"')).toBe('""""');
  });

  it("prefixes text that starts like a formula with an apostrophe, and quotes it if needed", () => {
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvField(`${lead}SUM(A1)`), JSON.stringify(lead)).toMatch(/^"?'/);
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@mention")).toBe("'@mention");
    expect(csvField("-5 stars")).toBe("'-5 stars");
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csvField("\r\n=cmd")).toBe(`"'\r\n=cmd"`);
    // Only the first character counts.
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("Price: -5")).toBe("Price: -5");
  });
});

describe("toCsv", () => {
  it("joins fields with commas and rows with CRLF, ending with a CRLF", () => {
    expect(toCsv([["a", "b"], [1, null], ["x,y", "=z"]])).toBe('a,b\r\n1,\r\n"x,y",\'=z\r\n');
  });

  it("writes an empty row as an empty line", () => {
    expect(toCsv([["header"], []])).toBe("header\r\n\r\n");
  });
});
