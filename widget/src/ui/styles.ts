/** Stylesheet of the shadow root (adopted as a constructable stylesheet); colours come from custom properties. */
export const STYLES = `
:host{all:initial!important}
.zendo{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:12px;font:14px/1.45 system-ui,sans-serif;color:#111827}
.zendo[data-position=left]{right:auto;left:20px;align-items:flex-start}
*{box-sizing:border-box}
[hidden]{display:none!important}
button{font:inherit;cursor:pointer;border:0;margin:0;color:inherit}
:focus-visible{outline:3px solid var(--zendo-accent);outline-offset:2px}
.launcher,.avatar,.icon,.send{flex:none;display:grid;place-items:center;padding:0}
.launcher,.header,.primary,[data-author=visitor] .text{background:var(--zendo-accent);color:var(--zendo-on-accent)}
.launcher{position:relative;width:56px;height:56px;border-radius:50%;box-shadow:0 6px 20px #1118273f;transition:transform .15s}
.launcher:hover{transform:scale(1.06)}
svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.launcher svg{width:26px;height:26px}
[aria-expanded=true] .icon-chat,[aria-expanded=false] .icon-close{display:none}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font:700 12px/20px sans-serif}
.panel{width:min(370px,100vw - 40px);height:min(560px,100vh - 110px);display:flex;flex-direction:column;overflow:hidden;background:#fff;border-radius:16px;box-shadow:0 12px 40px #11182738;border:1px solid #e5e7eb}
.header{display:flex;align-items:center;gap:10px;padding:14px 12px 14px 16px}
.avatar{width:36px;height:36px;border-radius:50%;background:#ffffff40;font-weight:700;text-transform:uppercase;overflow:hidden}
.avatar>*{grid-area:1/1}
.avatar img{width:36px;height:36px;object-fit:cover}
.titles{flex:1;min-width:0}
p{margin:0}
.title{font-size:15px;font-weight:600;overflow-wrap:anywhere}
.icon{width:32px;height:32px;border-radius:8px;background:none}
.icon:hover{background:#8883}
[aria-pressed=false]{opacity:.6}
.log{flex:1;overflow-y:auto;margin:0;padding:16px;list-style:none;display:flex;flex-direction:column;gap:8px;background:#f9fafb}
.msg{max-width:85%;align-self:flex-start;display:flex;flex-direction:column;gap:2px}
[data-author=visitor]{align-self:flex-end;align-items:flex-end}
[data-author=system]{align-self:center}
.status,.who,.meta,[data-author=system]{font-size:12px;color:#6b7280}
.status{color:inherit;opacity:.9}
.meta{font-size:11px}
.text{padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e5e7eb;white-space:pre-wrap;overflow-wrap:anywhere}
[data-author=visitor] .text{border-color:#0000}
[data-author=visitor] a{color:inherit}
[data-author=system] .text{background:none;border:0;padding:0}
[data-state=failed] .meta{color:#dc2626}
.notice{padding:8px 16px;font-size:13px;background:#eef2ff}
[data-tone=error]{background:#fef2f2;color:#991b1b}
.notice button,button.meta{background:none;padding:0;text-decoration:underline}
button.meta{padding-bottom:8px}
.form,.composer,.rating{display:flex;flex-direction:column;gap:8px;padding:12px 16px;border-top:1px solid #e5e7eb}
textarea{width:100%;padding:9px 11px;border:1px solid #d1d5db;border-radius:10px;font:inherit;color:inherit;background:#fff}
.primary{padding:9px 14px;border-radius:10px;font-weight:600}
.composer{flex-direction:row;align-items:flex-end;padding:10px 12px}
.send{width:40px;height:40px;padding:0}
textarea{resize:none;max-height:120px;min-height:40px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{position:fixed;inset:0;width:100%;height:100%;border-radius:0;border:0}}
`;
