/**
 * Direct Line uploads at the HTTP boundary, sent the way Web Chat sends them (FormData: an `activity` Blob of
 * type application/vnd.microsoft.activity, then one `file` part per picture, `?userId=`): the bot gets the
 * picture's bytes, the echo and the transcript get only its type and name; strangers, oversized pictures,
 * other file types and malformed forms are refused and leave nothing in the conversation.
 */
import { startWebChatServer, TEST_SECRET, WebChatServer } from './webChatServer';

const MB = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** bytes that start like a PNG, with a marker to look for in what comes back */
const png = (size: number) => Buffer.concat([PNG_SIGNATURE, Buffer.alloc(size - PNG_SIGNATURE.length, 'PICTUREBYTES')]);
const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 1)]);
const webp = (size: number) => Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(size - 12, 2)]);

let server: WebChatServer;
beforeAll(async () => {
  server = await startWebChatServer();
});
afterAll(() => server.close());

interface Session {
  conversationId: string;
  token: string;
}

async function start(userId: string): Promise<Session> {
  const res = await fetch(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId } }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Session;
}

interface FilePart {
  bytes: Buffer;
  type: string;
  name?: string;
}

/** What botframework-directlinejs postMessageWithAttachments builds. */
function webChatForm(userId: string, files: FilePart[], extra: Record<string, unknown> = {}): FormData {
  const form = new FormData();
  const activity = {
    type: 'message',
    from: { id: userId },
    channelData: { clientActivityID: 'upload-1' },
    // Web Chat describes each file, with a thumbnail as a data: URL (dropped by the endpoint)
    attachments: files.map((f) => ({ contentType: f.type, name: f.name, thumbnailUrl: `data:image/jpeg;base64,${'A'.repeat(40000)}` })),
    ...extra,
  };
  form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
  for (const f of files) form.append('file', new Blob([f.bytes], { type: f.type }), f.name);
  return form;
}

async function upload(session: Session, body: FormData | string, o: { auth?: string; userId?: string; headers?: Record<string, string> } = {}) {
  const query = o.userId === undefined ? '' : `?userId=${encodeURIComponent(o.userId)}`;
  const res = await fetch(`${server.url}/v3/directline/conversations/${session.conversationId}/upload${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.auth ?? session.token}`, ...(o.headers ?? {}) },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

async function transcript(session: Session): Promise<{ activities: Record<string, any>[]; raw: string }> {
  const res = await fetch(`${server.url}/v3/directline/conversations/${session.conversationId}/activities`, { headers: { authorization: `Bearer ${session.token}` } });
  const raw = await res.text();
  return { activities: JSON.parse(raw).activities, raw };
}

describe('Direct Line upload: pictures from Web Chat', () => {
  it('hands the picture to the bot and echoes only its type and name', async () => {
    const s = await start('uploader');
    const r = await upload(s, webChatForm('uploader', [{ bytes: png(20000), type: 'image/png', name: 'shot.png' }]), { userId: 'uploader' });
    expect(r.status).toBe(200);
    expect(r.json.id).toMatch(new RegExp(`^${s.conversationId}\\|\\d{7}$`));
    const { activities, raw } = await transcript(s);
    const echo = activities.find((a) => a.id === r.json.id)!;
    expect(echo.from).toEqual(expect.objectContaining({ id: 'uploader', role: 'user' }));
    expect(echo.attachments).toEqual([{ contentType: 'image/png', name: 'shot.png' }]);
    expect(echo.channelData).toEqual({ clientActivityID: 'upload-1' });
    // the bot read all 20000 bytes through the adapter
    expect(activities.map((a) => a.text)).toContain('收到图片：shot.png image/png 20000');
    // neither the bytes (raw or base64) nor Web Chat's thumbnail are in what is kept and sent back
    expect(raw).not.toContain('PICTUREBYTES');
    expect(raw).not.toContain(png(20000).toString('base64').slice(20, 60));
    expect(raw).not.toContain('data:image');
  });

  it('takes up to three PNG, JPEG and WebP pictures in the order sent, typed by their bytes', async () => {
    const s = await start('three-pictures');
    const files = [
      { bytes: jpeg(3000), type: 'image/jpeg', name: 'a.jpg' },
      // declared as PNG, but the bytes are a WebP: the bytes win
      { bytes: webp(4000), type: 'image/png', name: 'b.png' },
      { bytes: png(5 * MB), type: 'image/png', name: 'c.png' },
    ];
    const r = await upload(s, webChatForm('three-pictures', files));
    expect(r.status).toBe(200);
    const { activities } = await transcript(s);
    expect(activities.find((a) => a.id === r.json.id)!.attachments).toEqual([
      { contentType: 'image/jpeg', name: 'a.jpg' },
      { contentType: 'image/webp', name: 'b.png' },
      { contentType: 'image/png', name: 'c.png' },
    ]);
    expect(activities.map((a) => a.text)).toContain(`收到图片：a.jpg image/jpeg 3000，b.png image/webp 4000，c.png image/png ${5 * MB}`);
  });

  it('refuses callers who do not hold this conversation (401, 403) before reading the pictures', async () => {
    const mine = await start('owner');
    const other = await start('someone-else');
    const form = () => webChatForm('owner', [{ bytes: png(1000), type: 'image/png', name: 'x.png' }]);
    expect((await upload(mine, form(), { auth: '' })).status).toBe(401);
    expect((await upload(mine, form(), { auth: 'forged.token.value' })).status).toBe(401);
    // another customer's token is for another conversation
    const foreign = await upload(mine, form(), { auth: other.token });
    expect(foreign.status).toBe(403);
    // the right conversation's token, but naming another user in the query
    const impostor = await upload(mine, form(), { userId: 'someone-else' });
    expect(impostor.status).toBe(403);
    expect(impostor.json.error.code).toBe('forbidden');
    expect((await transcript(mine)).activities.filter((a) => a.from?.role === 'user')).toEqual([]);
  });

  it('refuses a picture over 5 MB with 413 picture_too_large and keeps nothing', async () => {
    const s = await start('big-picture');
    const before = (await transcript(s)).activities.length;
    const r = await upload(s, webChatForm('big-picture', [{ bytes: png(1000), type: 'image/png', name: 'ok.png' }, { bytes: png(5 * MB + 1), type: 'image/png', name: 'big.png' }]));
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('picture_too_large');
    expect((await transcript(s)).activities).toHaveLength(before);
  });

  it('refuses other files with 415, whatever they are called', async () => {
    const s = await start('wrong-type');
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]);
    for (const file of [
      { bytes: gif, type: 'image/gif', name: 'a.gif' },
      { bytes: Buffer.from('%PDF-1.7 …'), type: 'application/pdf', name: 'order.pdf' },
      // a text file named and declared as a picture
      { bytes: Buffer.from('not a picture at all'), type: 'image/png', name: 'fake.png' },
    ]) {
      const r = await upload(s, webChatForm('wrong-type', [{ bytes: png(500), type: 'image/png', name: 'fine.png' }, file]));
      expect(r.status).toBe(415);
      expect(r.json.error.code).toBe('unsupported_media_type');
    }
    expect((await transcript(s)).activities.filter((a) => a.from?.role === 'user')).toEqual([]);
  });

  it('answers 400 for a malformed form and keeps nothing', async () => {
    const s = await start('malformed');
    const picture = { bytes: png(500), type: 'image/png', name: 'p.png' };
    const noActivity = new FormData();
    noActivity.append('file', new Blob([picture.bytes], { type: 'image/png' }), 'p.png');
    const badJson = new FormData();
    badJson.append('activity', new Blob(['{"type": "message",'], { type: 'application/vnd.microsoft.activity' }));
    badJson.append('file', new Blob([picture.bytes], { type: 'image/png' }), 'p.png');
    const cases: [RegExp, FormData | string, Record<string, string>?][] = [
      [/no activity part/, noActivity],
      [/activity part is not valid JSON/, badJson],
      [/at most 3 pictures/, webChatForm('malformed', [picture, picture, picture, picture])],
      [/no picture/, webChatForm('malformed', [], { text: 'hi' })],
      [/carries a message/, webChatForm('malformed', [picture], { type: 'event', name: 'x' })],
      [/multipart\/form-data/, JSON.stringify({ type: 'message', text: 'hi' }), { 'content-type': 'application/json' }],
      [/no boundary/, 'x', { 'content-type': 'multipart/form-data' }],
      [/malformed/, '--b\r\nContent-Disposition: form-data; name="activity"\r\n\r\n{"type":"mess', { 'content-type': 'multipart/form-data; boundary=b' }],
    ];
    for (const [message, body, headers] of cases) {
      const r = await upload(s, body, { headers });
      expect({ status: r.status, message: r.json.error.message }).toEqual({ status: 400, message: expect.stringMatching(message) });
    }
    expect((await transcript(s)).activities.filter((a) => a.from?.role === 'user')).toEqual([]);
  });
});
