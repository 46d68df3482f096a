/** The live room as a platform connector and a host use it, against the real app. */
import { ADMIN_TOKEN, RunningApp, startTestApp } from '../../helpers/testApp';

export const LIVE_API_KEY = 'live-connector-key-0123456789';
export const bearer = { authorization: `Bearer ${LIVE_API_KEY}` };
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface Comment {
  userId: string;
  nickname?: string;
  text: string;
  ts?: number;
  type?: string;
  private?: boolean;
}

export async function startLiveApp(env: Record<string, string> = {}): Promise<RunningApp> {
  return startTestApp({ DEMO_DATA: 'true', LIVE_API_KEY, LIVE_CLUSTER_WINDOW_MS: '60000', LIVE_MIN_INTERVAL_MS: '0', ...env });
}

export async function createRoom(app: RunningApp, body: object): Promise<string> {
  const r = await app.post('/api/admin/live/rooms', body, admin);
  if (r.status !== 201) throw new Error(`room not created: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as string;
}

export async function sendComments(app: RunningApp, roomId: string, comments: Comment[]): Promise<{ accepted: number; dropped: number }> {
  const r = await app.post(`/api/live/rooms/${roomId}/comments`, { comments: comments.map((c) => ({ ts: Date.now(), nickname: `昵称${c.userId}`, ...c })) }, bearer);
  if (r.status !== 202) throw new Error(`comments refused: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/** Everything the live channel has to do for what was sent so far: open clusters answered, private turns and claims done. */
export async function settled(app: RunningApp): Promise<void> {
  await app.channels.live!.flush();
}

export async function replies(app: RunningApp, roomId: string, after = ''): Promise<any[]> {
  const r = await app.get(`/api/live/rooms/${roomId}/replies${after ? `?after=${encodeURIComponent(after)}` : ''}`, bearer);
  if (r.status !== 200) throw new Error(`replies: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.replies;
}

export async function privateMessages(app: RunningApp, roomId: string, after = ''): Promise<any[]> {
  const r = await app.get(`/api/live/rooms/${roomId}/private${after ? `?after=${after}` : ''}`, bearer);
  if (r.status !== 200) throw new Error(`private: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.messages;
}
