import type { RequestHandler } from 'express';

/**
 * What an address outside the panel answers: a page in the company's language with the way back
 * (express's own says "Cannot GET /x" in English), or JSON for a program.
 */
export function notFound(rootPath: string): RequestHandler {
  return (req, res) => {
    res.status(404);
    if (!req.accepts('html')) {
      res.json({ message: 'Not found' });
      return;
    }
    res.type('html').send(`<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>找不到页面 · PetroCRM</title>
<style>body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1c1c38;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;background:#f6f7fb}main{text-align:center;padding:24px}h1{font-size:22px;font-weight:500}a{color:#3040d6}</style></head>
<body><main><h1>找不到页面</h1><p>这个地址不存在。Page not found.</p><p><a href="${rootPath}">返回 PetroCRM 石化客户管理</a></p></main></body>
</html>`);
  };
}
