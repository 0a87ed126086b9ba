/** Stylesheet of the shadow root; colours come from custom properties set on `.zendo`. */
export const STYLES = `
:host{all:initial!important}
.zendo{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:12px;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111827;-webkit-font-smoothing:antialiased}
.zendo[data-position=left]{right:auto;left:20px;align-items:flex-start}
.zendo *{box-sizing:border-box}
button{font:inherit;cursor:pointer;border:0;margin:0}
button:focus-visible{outline:3px solid var(--zendo-accent);outline-offset:2px}
.launcher{width:56px;height:56px;border-radius:50%;display:grid;place-items:center;padding:0;background:var(--zendo-accent);color:var(--zendo-on-accent);
box-shadow:0 6px 20px rgba(17,24,39,.25);transition:transform .15s ease}
.launcher:hover{transform:scale(1.06)}
.launcher svg{width:26px;height:26px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.launcher[aria-expanded=true] .icon-chat,.launcher[aria-expanded=false] .icon-close{display:none}
.panel{width:min(360px,calc(100vw - 40px));height:min(480px,calc(100vh - 120px));display:flex;flex-direction:column;overflow:hidden;
background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(17,24,39,.22);border:1px solid rgba(17,24,39,.08)}
.panel[hidden]{display:none}
.header{display:flex;align-items:center;gap:12px;padding:16px 16px 16px 20px;background:var(--zendo-accent);color:var(--zendo-on-accent)}
.greeting{flex:1;margin:0;font-size:16px;font-weight:600;overflow-wrap:anywhere}
.close{width:32px;height:32px;border-radius:8px;display:grid;place-items:center;padding:0;background:transparent;color:inherit}
.close:hover{background:rgba(127,127,127,.2)}
.close svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round}
.body{flex:1;display:flex;flex-direction:column;justify-content:center;align-items:center;gap:6px;padding:24px;text-align:center;background:#f9fafb}
.notice-title{margin:0;font-weight:600}
.notice-text{margin:0;color:#4b5563;font-size:13px}
.composer{padding:12px;border-top:1px solid #e5e7eb;background:#fff}
.composer input{width:100%;padding:10px 12px;border:1px solid #e5e7eb;border-radius:10px;font:inherit;color:#6b7280;background:#f3f4f6}
`;
