// A person's Matrix client with end-to-end encryption, driven by the integration tests one JSON line at a time on
// stdin ({id, op, ...}); it answers each with one JSON line on stdout ({id, ok, result | error}). It is
// matrix-js-sdk with its Rust crypto, as Element Web runs it: nothing of Steward's code encrypts or decrypts here.
import { pathToFileURL } from "node:url";
import { createInterface } from "node:readline";

// The protocol owns stdout: the SDK's own logging goes to stderr.
const toStderr = (...parts) => process.stderr.write(parts.map(String).join(" ") + "\n");
console.log = console.info = console.warn = console.debug = console.trace = toStderr;
const modules = process.env.STEWARD_E2EE_MODULES;
const sdk = await import(pathToFileURL(`${modules}/matrix-js-sdk/lib/index.js`).href);

let client;
let heldRoomKeys = false;
const held = [];

// The network as the client sees it. While room keys are held, to-device messages are answered as sent but kept
// back: the room key of the next message reaches Steward only when the test releases it, as a slow federation would.
async function fetchFn(input, init) {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (heldRoomKeys && init?.method === "PUT" && url.includes("/sendToDevice/m.room.encrypted/")) {
    held.push({ url, init });
    return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  }
  return fetch(input, init);
}

async function login({ url, user, password }) {
  const anonymous = sdk.createClient({ baseUrl: url, fetchFn });
  const session = await anonymous.loginRequest({
    type: "m.login.password", identifier: { type: "m.id.user", user }, password,
  });
  client = sdk.createClient({
    baseUrl: url, userId: session.user_id, accessToken: session.access_token, deviceId: session.device_id, fetchFn,
  });
  await client.initRustCrypto({ useIndexedDB: false });
  const prepared = new Promise((resolve) => client.once(sdk.ClientEvent.Sync, (state) => resolve(state)));
  await client.startClient({ initialSyncLimit: 20 });
  await prepared;
  return { user_id: session.user_id, device_id: session.device_id };
}

async function createRoom({ name, invite }) {
  const { room_id } = await client.createRoom({
    name, invite, preset: "private_chat",
    initial_state: [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }],
  });
  await until(() => client.getRoom(room_id), 20000, "the room to appear");
  return { room_id };
}

async function waitMember({ room, user, membership, timeoutMs }) {
  await until(() => client.getRoom(room)?.getMember(user)?.membership === membership, timeoutMs ?? 30000,
    `${user} to be ${membership}`);
  return {};
}

async function send({ room, body, replyTo }) {
  const content = { msgtype: "m.text", body };
  if (replyTo) content["m.relates_to"] = { "m.in_reply_to": { event_id: replyTo } };
  const { event_id } = await client.sendEvent(room, "m.room.message", content);
  return { event_id };
}

async function react({ room, event, key }) {
  const { event_id } = await client.sendEvent(room, "m.reaction", {
    "m.relates_to": { rel_type: "m.annotation", event_id: event, key },
  });
  return { event_id };
}

// The messages of a room in the clear, as the person sees them: decrypted by the client's own keys, each with the
// text of its latest edit (Steward streams answers by editing them).
async function messages({ room, sender }) {
  const timeline = client.getRoom(room)?.getLiveTimeline().getEvents() ?? [];
  const seen = [];
  const edits = new Map();
  for (const event of timeline) {
    await client.decryptEventIfNeeded(event);
    if (event.getType() !== "m.room.message" || (sender && event.getSender() !== sender)) continue;
    const relation = event.getWireContent()["m.relates_to"] ?? event.getContent()["m.relates_to"];
    if (relation?.rel_type === "m.replace") {
      edits.set(relation.event_id, event.getContent()["m.new_content"]?.body ?? "");
      continue;
    }
    // The original content: once the SDK applies an edit, getContent() is the edit's, which replies to nothing.
    const original = event.getOriginalContent();
    const reply = original["m.relates_to"] ?? event.getWireContent()["m.relates_to"];
    seen.push({
      event_id: event.getId(), sender: event.getSender(), body: original.body ?? "",
      encrypted: event.isEncrypted(), undecryptable: event.isDecryptionFailure(),
      in_reply_to: reply?.["m.in_reply_to"]?.event_id ?? null,
    });
  }
  for (const message of seen) {
    if (edits.has(message.event_id)) message.body = edits.get(message.event_id);
  }
  return { messages: seen };
}

async function deviceStatus({ user, device }) {
  await client.getCrypto().getUserDeviceInfo([user], true);
  const status = await client.getCrypto().getDeviceVerificationStatus(user, device);
  const devices = await client.getCrypto().getUserDeviceInfo([user], false);
  return {
    known: status !== null, signedByOwner: status?.signedByOwner ?? false,
    crossSigningVerified: status?.crossSigningVerified ?? false,
    devices: [...(devices.get(user)?.keys() ?? [])],
  };
}

async function holdRoomKeys() {
  heldRoomKeys = true;
  return {};
}

async function releaseRoomKeys() {
  heldRoomKeys = false;
  const released = held.splice(0);
  for (const { url, init } of released) {
    const again = url.replace(/\/sendToDevice\/m\.room\.encrypted\/[^/?]+/, `/sendToDevice/m.room.encrypted/released-${Date.now()}-${Math.random()}`);
    const answer = await fetch(again, init);
    await answer.text();
    if (!answer.ok) throw new Error(`releasing a held room key failed: ${answer.status}`);
  }
  return { released: released.length };
}

async function join({ room }) {
  await client.joinRoom(room);
  await until(() => client.getRoom(room)?.getMyMembership() === "join", 20000, "the join");
  return {};
}

async function invite({ room, user }) {
  await client.invite(room, user);
  return {};
}

// A pause between two looks at the room, taken here so the test's own thread never sleeps.
async function pause({ ms }) {
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1000)));
  return {};
}

async function until(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ops = { login, createRoom, waitMember, send, react, messages, deviceStatus, holdRoomKeys, releaseRoomKeys, join,
  invite, pause };

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  if (request.op === "stop") {
    client?.stopClient();
    process.stdout.write(JSON.stringify({ id: request.id, ok: true, result: {} }) + "\n");
    break;
  }
  try {
    const result = await ops[request.op](request);
    process.stdout.write(JSON.stringify({ id: request.id, ok: true, result }) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ id: request.id, ok: false, error: String(error?.stack ?? error) }) + "\n");
  }
}
process.exit(0);
