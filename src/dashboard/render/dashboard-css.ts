/** The dashboard's one stylesheet, served as /dashboard/assets/dashboard.css (the CSP allows only 'self'). */
export const DASHBOARD_CSS = `
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--card:#fff;--accent:#0b4f99;--good:#116329;--warn:#9a6700;--bad:#b42318}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}a:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
header.top{background:#0d1b2a;color:#fff;padding:12px 28px;display:flex;align-items:center;gap:16px}
header.top .brand{font-weight:700;font-size:18px;color:#fff;text-decoration:none;letter-spacing:.2px}
header.top .brand span{color:#7cc4ff}
header.top nav{margin-left:auto;display:flex;gap:14px;align-items:center;color:#d8e2ee}
header.top form{margin:0}header.top button{background:none;border:1px solid #5b6b7d;color:#fff;border-radius:6px;padding:4px 10px;font:inherit;cursor:pointer}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:4px 0 4px}h2{font-size:19px;margin:0 0 12px}
.lede{color:var(--muted);margin:0 0 20px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:14px;margin-bottom:20px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.stat b{display:block;font-size:26px}.stat span{color:var(--muted);font-size:13px}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin-bottom:20px;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #eaeef2;vertical-align:middle}
thead th{font-weight:600;color:var(--muted);font-size:12.5px;text-transform:uppercase;letter-spacing:.3px;background:#fafbfc}
tbody th{font-weight:600}
caption{text-align:left;caption-side:top;padding:0 0 6px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.pill{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12.5px;font-weight:600;white-space:nowrap;border:1px solid transparent}
.pill.p4{background:#dafbe1;color:#0a4d1e;border-color:#aceebb}.pill.p3{background:#ddf4ff;color:#0a3069;border-color:#b6e3ff}
.pill.p2{background:#fff8c5;color:#6b4a00;border-color:#f0d872}.pill.p1{background:#ffebe9;color:#8a1c12;border-color:#ffcecb}
.chart{margin:0}.line-chart{width:100%;height:auto;max-height:300px}
.grid{stroke:#e4e8ee}.axis{fill:#57606a;font-size:12px}.axis-title{fill:#57606a;font-size:12px}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:18px;padding:0;margin:8px 0 0;font-size:14px}
.legend li{display:flex;align-items:center;gap:6px}
details{margin-top:12px}summary{cursor:pointer;color:var(--accent);font-weight:600}
.trend{vertical-align:middle}
.heat{width:auto;margin-right:90px}.heat tbody th{padding-right:24px}
.heat td.h{width:52px;text-align:center;font-variant-numeric:tabular-nums;border:2px solid #fff;border-radius:4px}
.heat th.rot{height:118px;white-space:nowrap;vertical-align:bottom;padding:0 0 8px;text-transform:none;letter-spacing:0}
.heat th.rot div{transform:translate(14px,0) rotate(-40deg);transform-origin:left bottom;width:52px;font-size:12.5px}
.h0{background:#f3f5f8;color:#8c959f}.h1{background:#dbe9f9;color:#0a2a4d}.h2{background:#b5d2f2;color:#0a2a4d}
.h3{background:#86b3e6;color:#07213f}.h4{background:#4a8bd4;color:#fff}.h5{background:#1f66b8;color:#fff}.h6{background:#0b3f7f;color:#fff}
.theme{border:1px solid var(--line);border-radius:10px;padding:12px 16px;margin-bottom:10px;display:grid;grid-template-columns:1fr auto;gap:4px 16px}
.theme h3{margin:0;font-size:16px}.theme p{margin:0;color:var(--muted)}.theme .count{font-size:22px;font-weight:700;text-align:right}
.muted{color:var(--muted)}.empty{color:var(--muted);font-style:italic}
.signin{max-width:460px;margin:80px auto;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:32px;text-align:center}
.button{display:inline-block;background:#1f883d;color:#fff;text-decoration:none;font-weight:600;border-radius:8px;padding:10px 18px}
.lesson{max-width:780px}.lesson pre{background:#0d1b2a;color:#e6edf3;padding:12px 14px;border-radius:8px;overflow-x:auto}
.lesson code{font-size:13.5px}
`;
