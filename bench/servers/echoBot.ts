/**
 * Baseline 2: the smallest real Bot Framework bot — botbuilder's CloudAdapter on restify, an echo
 * ActivityHandler with ConversationState on MemoryStorage. Replies go to the activity's serviceUrl.
 */
import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
} from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const turns = conversationState.createProperty<number>('turns');

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const n = (await turns.get(context, 0)) + 1;
      await turns.set(context, n);
      await context.sendActivity(`echo ${n}: ${context.activity.text}`);
      await next();
    });
  }
  override async run(context: Parameters<ActivityHandler['run']>[0]) {
    await super.run(context);
    await conversationState.saveChanges(context);
  }
}

const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.server.address() as { port: number }).port}\n`);
});
