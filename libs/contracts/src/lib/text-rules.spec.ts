import { REASON_RULE, storableText, textProblem } from './text-rules';

describe('textProblem', () => {
  it('accepts plain text, accents and paired surrogates (emoji)', () => {
    expect(textProblem('Kerkstraat 1, 9000 Gent — café 😀')).toBeUndefined();
  });

  it.each([
    ['stop\u0000now', 'holds a control character (U+0000) at position 5'],
    ['bell\u0007', 'holds a control character (U+0007) at position 5'],
    ['del\u007f', 'holds a control character (U+007F) at position 4'],
    ['c1\u0085', 'holds a control character (U+0085) at position 3'],
    ['two\nlines', 'must be one line: it holds a tab or line break (U+000A) at position 4'],
    ['tab\there', 'must be one line: it holds a tab or line break (U+0009) at position 4'],
    ['lone \ud800 high', 'holds an unpaired surrogate at position 6 (not valid Unicode)'],
    ['lone \udc00 low', 'holds an unpaired surrogate at position 6 (not valid Unicode)'],
    ['ends high \ud83d', 'holds an unpaired surrogate at position 11 (not valid Unicode)'],
  ])('refuses %j', (value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });

  it('allows tab, CR and LF in multi-line text, never NUL', () => {
    expect(textProblem('line one\r\n\tline two', REASON_RULE)).toBeUndefined();
    expect(textProblem('nee\u0000', REASON_RULE)).toBe('holds a control character (U+0000) at position 4');
  });

  it('refuses text longer than declared', () => {
    expect(textProblem('x'.repeat(11), { maxLength: 10 })).toBe('must be at most 10 characters long');
    expect(textProblem('x'.repeat(10), { maxLength: 10 })).toBeUndefined();
  });
});

describe('storableText', () => {
  it('replaces what the rule refuses by U+FFFD and keeps line breaks, tabs and emoji', () => {
    expect(storableText('a\u0000b\u0085c \uD800 😀\r\n\t')).toBe('a\uFFFDb\uFFFDc \uFFFD 😀\r\n\t');
    expect(textProblem(storableText('x\u0000\uDC00'), REASON_RULE)).toBeUndefined();
  });
});
