/** Stylesheet of the shadow root (adopted as a constructable stylesheet); colours come from custom properties. */
export const STYLES = `
:host{all:initial!important}
.zendo{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:12px;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111827;-webkit-font-smoothing:antialiased}
.zendo[data-position=left]{right:auto;left:20px;align-items:flex-start}
.zendo *{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;cursor:pointer;border:0;margin:0;color:inherit}
button:focus-visible,textarea:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid var(--zendo-accent);outline-offset:2px}
.launcher{position:relative;width:56px;height:56px;border-radius:50%;display:grid;place-items:center;padding:0;background:var(--zendo-accent);color:var(--zendo-on-accent);
box-shadow:0 6px 20px rgba(17,24,39,.25);transition:transform .15s ease}
.launcher:hover{transform:scale(1.06)}
svg{fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.launcher svg{width:26px;height:26px}
.launcher[aria-expanded=true] .icon-chat,.launcher[aria-expanded=false] .icon-close{display:none}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center}
.panel{width:min(370px,calc(100vw - 40px));height:min(560px,calc(100vh - 110px));display:flex;flex-direction:column;overflow:hidden;
background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(17,24,39,.22);border:1px solid rgba(17,24,39,.08)}
.header{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px;background:var(--zendo-accent);color:var(--zendo-on-accent)}
.avatar{flex:none;width:36px;height:36px;border-radius:50%;display:grid;place-items:center;background:rgba(255,255,255,.25);font-weight:700;text-transform:uppercase}
.titles{flex:1;min-width:0}
.title{margin:0;font-size:15px;font-weight:600;overflow-wrap:anywhere}
.status{margin:0;font-size:12px;opacity:.9}
.icon{width:32px;height:32px;border-radius:8px;display:grid;place-items:center;padding:0;background:transparent}
.icon:hover{background:rgba(127,127,127,.2)}
.icon svg{width:18px;height:18px}
.icon[aria-pressed=false]{opacity:.6}
.log{flex:1;overflow-y:auto;margin:0;padding:16px;list-style:none;display:flex;flex-direction:column;gap:8px;background:#f9fafb}
.msg{max-width:85%;align-self:flex-start;display:flex;flex-direction:column;gap:2px}
.msg[data-author=visitor]{align-self:flex-end;align-items:flex-end}
.msg[data-author=system]{align-self:center;color:#6b7280;font-size:12px}
.who{font-size:12px;color:#6b7280}
.text{margin:0;padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e5e7eb;white-space:pre-wrap;overflow-wrap:anywhere}
.msg[data-author=visitor] .text{background:var(--zendo-accent);color:var(--zendo-on-accent);border-color:transparent}
.msg[data-author=system] .text{background:none;border:0;padding:0}
.msg[data-author=visitor] .text a{color:inherit}
.meta{font-size:11px;color:#6b7280}
.msg[data-state=failed] .meta{color:#dc2626}
.notice{margin:0;padding:8px 16px;font-size:13px;color:#374151;background:#eef2ff}
.notice[data-tone=error]{background:#fef2f2;color:#991b1b}
.form{display:flex;flex-direction:column;gap:8px;padding:12px 16px;border-top:1px solid #e5e7eb}
.form label{display:flex;flex-direction:column;gap:2px;font-size:12px;color:#374151}
input,textarea{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:10px;font:inherit;color:#111827;background:#fff}
.primary{padding:9px 14px;border-radius:10px;background:var(--zendo-accent);color:var(--zendo-on-accent);font-weight:600}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #e5e7eb;background:#fff}
.send{flex:none;width:40px;height:40px;padding:0;display:grid;place-items:center}
.send svg{width:18px;height:18px}
.composer textarea{resize:none;max-height:120px;min-height:40px}
.rating{display:flex;flex-direction:column;gap:6px;padding:12px 16px;border-top:1px solid #e5e7eb;text-align:center}
.stars{display:flex;justify-content:center;gap:4px}
.stars button{width:36px;height:36px;border-radius:8px;background:#f3f4f6;font-size:18px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.zendo .panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}}
`;
