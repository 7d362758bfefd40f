/** The text helpers cli-table3 wraps and colours cell text with (its src/utils.js, CommonJS, untyped). */
declare module 'cli-table3/src/utils.js' {
  /** A cell's text as cli-table3's `wordWrap` option wraps it into lines at most `width` wide. */
  export function wordWrap(width: number, text: string, wrapOnWordBoundary?: boolean): string[];
  /** Closes and reopens ANSI styles at line ends, as cli-table3 does for a wrapped cell. */
  export function colorizeLines(lines: string[]): string[];
}
