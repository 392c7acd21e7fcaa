// Bounds on what a finding repeats from the document: a 5 MB container name quoted in eight messages cost 40 MB per
// document, and a finding line full of someone else's text is unreadable anyway.

/** Longest run of quoted user text kept in a message; longer runs end with an ellipsis. */
export const MAX_QUOTED = 100;
/** Messages up to this length are left alone: only a message swollen by quoted user text is shortened. */
const SHORT_ENOUGH = 500;
/** Hard cap on a whole message, whatever it quotes. */
export const MAX_MESSAGE = 1000;

/**
 * A message longer than SHORT_ENOUGH with every quoted run ("…") longer than MAX_QUOTED cut to MAX_QUOTED characters
 * plus "…", and the whole message cut at MAX_MESSAGE. Linear: each attempt scans from a quote to the next one.
 */
export function capMessage(message: string): string {
  if (message.length <= SHORT_ENOUGH) return message;
  let out = message.replace(/"([^"]{100})[^"]+"/g, (_, kept: string) => `"${kept}…"`);
  if (out.length > MAX_MESSAGE) out = `${out.slice(0, MAX_MESSAGE)}…`;
  return out;
}
