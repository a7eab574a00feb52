// Builds the bookmarklet for this copy of the app: the link points at the app's own
// address. What the bookmarklet does on the page it is clicked on: read the page's HTML,
// compress it, and open the app with it in the URL fragment; when the page is too large
// for an address, open the app and hand the page over by postMessage, to the app's exact
// origin, after the app says it is ready. Nothing is injected into or loaded by the page.
export function bookmarkletSource(appUrl) {
  const body = `(async()=>{const A=${JSON.stringify(appUrl)},O=new URL(A).origin,` +
    `p={url:location.href,title:document.title,html:document.documentElement.outerHTML};` +
    `const s=new Blob([JSON.stringify(p)]).stream().pipeThrough(new CompressionStream('deflate-raw'));` +
    `const b=new Uint8Array(await new Response(s).arrayBuffer());let t='';` +
    `for(let i=0;i<b.length;i+=32768)t+=String.fromCharCode.apply(null,b.subarray(i,i+32768));` +
    `const f=btoa(t).replace(/\\+/g,'-').replace(/\\//g,'_').replace(/=+$/,'');` +
    `if(f.length<1500000){window.open(A+'#page='+f,'_blank');return}` +
    `const w=window.open(A+'#receive','_blank');` +
    `const h=e=>{if(e.origin!==O||e.source!==w||!e.data||e.data.type!=='winnow-ready')return;` +
    `removeEventListener('message',h);w.postMessage({type:'winnow-page',url:p.url,title:p.title,html:p.html},O)};` +
    `addEventListener('message',h)})()`;
  return body;
}

const link = globalThis.document?.getElementById('bookmarklet');
if (link) {
  const app = new URL('./', location.href).href;
  link.href = `javascript:${encodeURIComponent(bookmarkletSource(app))}`;
  document.getElementById('app-address').textContent = app;
}
