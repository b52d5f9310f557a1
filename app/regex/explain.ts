/** Explains, in words, why a Java pattern did not match a whole errorMessage. */
export function explainMismatch(_pattern: string, _subject: string): string {
  return 'The pattern does not match the whole message.'
}
