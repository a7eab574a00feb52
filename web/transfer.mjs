// How the bookmarklet hands a page to the app through the URL fragment: JSON {url, title,
// html}, deflate-raw compressed, base64url. A fragment never reaches a server, and no
// opener policy can sever it. bookmarklet.mjs holds the encoding side.

/** The page in a fragment payload; throws on anything that is not one. */
export async function decodePage(payload) {
  if (payload.length > 8 * 1024 * 1024) throw new Error('the payload is too large');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const page = JSON.parse(await new Response(stream).text());
  if (typeof page?.html !== 'string') throw new Error('no page in the payload');
  return { url: String(page.url ?? ''), title: String(page.title ?? ''), html: page.html };
}
