// One rule for "looks like an email address", for the delivery settings form and the
// outbox alike (a deliberately plain check: the SMTP server has the last word).
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export function looksLikeEmail(text: string): boolean {
  return text.length <= 320 && EMAIL.test(text.trim());
}
