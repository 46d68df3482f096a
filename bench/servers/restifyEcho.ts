/** Baseline 1: a bare restify server echoing a JSON body (the HTTP floor on this machine). */
import restify from 'restify';

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/echo', (req, res, next) => {
  res.send(200, req.body);
  next();
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.server.address() as { port: number }).port}\n`);
});
