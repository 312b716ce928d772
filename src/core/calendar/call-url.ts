// Which links count as a video call's, wherever they are written.

const PROVIDERS = [
  /(^|\.)meet\.google\.com$/i,
  /(^|\.)zoom\.us$/i,
  /(^|\.)zoomgov\.com$/i,
  /(^|\.)teams\.microsoft\.com$/i,
  /(^|\.)teams\.live\.com$/i,
  /(^|\.)webex\.com$/i,
];

const URL_PATTERN = /https:\/\/[^\s<>"'`\\]+/gi;

/** A call link as it may be written to the front matter: https, a known provider, no spaces or quotes. */
export function callUrl(text: string, anyHost = false): string | undefined {
  for (const match of text.matchAll(URL_PATTERN)) {
    const candidate = match[0].replace(/[.,;:!?)\]}>]+$/, '');
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:') continue;
    if (anyHost || PROVIDERS.some((p) => p.test(url.hostname))) return candidate;
  }
  return undefined;
}
