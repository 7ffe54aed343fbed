/**
 * The local servers against a web page that attacks them (issue #23): DNS
 * rebinding (a foreign Host), another site's requests (a foreign Origin, a
 * text/plain body, no session cookie), writes outside the releases and
 * commits onto main past the review — each refused, with every ref, the
 * repository's configuration and the working tree unchanged. Malformed paths
 * get 400 and the preview stays up; decap-server never outlives `edit`.
 * One `pressroom edit` (in a temporary git repository) and one `pressroom
 * serve` for the whole file; the saving editor in Chromium is in admin.test.ts.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { isReleasePath, isSlug, judge } from "../src/cli/editor-rules.ts";
import { isOwnHost, isOwnOrigin, isWellFormedPath, ownHosts } from "../src/cli/local-guard.ts";
import { fixture, freePort, git, officeRepository, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const RELEASE = "content/releases/2026/2026-11-27-radwege-am-ring.md";
const EMBARGOED = "content/releases/2026/2026-12-24-futuresecret.md";

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

/** One request to 127.0.0.1:`port` with the headers a page (or an attacker's server name) would give it, Host included. */
function send(port: number, target: string, options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path: target, method: options.method ?? "GET", headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** Opens the live-reload WebSocket as a browser does: the status the server answers (101: connected). */
function upgrade(port: number, host: string, origin: string, address = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: address,
      port,
      path: "/",
      headers: { host, origin, connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" },
    });
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve(response.statusCode!);
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on("error", reject);
    request.end();
  });
}



/** A press office's repository: the valid site in content/, one commit on main. */
const repository = (): string => officeRepository(scratch());

/** Everything an attack could change: every ref, HEAD, the working tree, the repository's configuration. */
const stateOf = (repo: string): string =>
  [
    git(repo, "for-each-ref", "--format=%(refname) %(objectname)"),
    git(repo, "rev-parse", "HEAD"),
    git(repo, "symbolic-ref", "HEAD"),
    git(repo, "status", "--porcelain", "--untracked-files=all"),
    readFileSync(path.join(repo, ".git", "config"), "utf8"),
    readdirSync(path.dirname(repo)).filter((name) => name.startsWith("outside")).join(","),
  ].join("\n");

/** A running `pressroom` command, its output so far, and a wait for a line of it. */
interface Running {
  readonly child: ChildProcess;
  log: string;
}
async function start(args: string[], cwd: string, ready: RegExp): Promise<Running> {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  const running: Running = { child, log: "" };
  child.stdout!.on("data", (d) => (running.log += d));
  child.stderr!.on("data", (d) => (running.log += d));
  const deadline = Date.now() + 120_000;
  while (!ready.test(running.log)) {
    assert.ok(Date.now() < deadline && child.exitCode === null, `pressroom ${args[0]} did not start:\n${running.log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return running;
}
async function stop(running: Running | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = new Promise((resolve) => running.child.once("exit", resolve));
  running.child.kill(signal);
  await exited;
}

/** The processes whose parent is `pid` (decap-server, or our child that runs it), from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (name) state ppid …": the name may hold spaces, so read after its closing parenthesis.
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The sockets a process has open, by inode: TCP ports it listens on, and the paths of its Unix sockets. */
function socketsOf(pid: number): { tcpListening: number[]; unixPaths: string[] } {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((inode) => inode !== undefined),
  );
  const tcpListening = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((table) =>
    readFileSync(table, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // local address, state 0A (LISTEN), inode
      .filter((fields) => fields[3] === "0A" && inodes.has(fields[9]!))
      .map((fields) => parseInt(fields[1]!.split(":")[1]!, 16)),
  );
  const unixPaths = readFileSync("/proc/net/unix", "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => inodes.has(fields[6]!) && fields[7] !== undefined)
    .map((fields) => fields[7]!);
  return { tcpListening, unixPaths };
}

/** Whether a process still runs (a zombie, dead and waiting for its parent to notice, does not). */
function runs(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

async function gone(pid: number, seconds = 10): Promise<boolean> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (!runs(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("pressroom edit against a web page that attacks it", () => {
  let repo = "";
  let edit: Running | undefined;
  let port = 0;
  let own = "";
  let cookie = "";
  let before_ = "";
  after(() => stop(edit));

  before(async () => {
    repo = repository();
    port = await freePort();
    own = `http://127.0.0.1:${port}`;
    edit = await start(["edit", "--content", "content", "--port", String(port)], repo, new RegExp(`Vorschau: +${own}/\\n`));
    // The session as the editor's page gets it.
    const page = await send(port, "/admin/");
    assert.equal(page.status, 200);
    cookie = String(page.headers["set-cookie"] ?? "").split(";")[0]!;
    before_ = stateOf(repo);
  });

  /** A request to the editor's API as the editor's own page sends it, with `change` applied. */
  const api = (body: unknown, change: { host?: string; headers?: Record<string, string> } = {}): Promise<Answer> =>
    send(port, "/admin/api/v1", {
      method: "POST",
      ...(change.host !== undefined && { host: change.host }),
      headers: { origin: own, "content-type": "application/json; charset=utf-8", cookie, ...change.headers },
      body: JSON.stringify({ branch: "main", ...(body as object) }),
    });
  const getEmbargoed = { action: "getEntry", params: { branch: "main", path: EMBARGOED } };

  test("the editor's page gets its session as an HttpOnly, SameSite=Strict cookie, and with it the API reads a release", async () => {
    const page = await send(port, "/admin/");
    assert.match(String(page.headers["set-cookie"]), new RegExp(`^pressroom-editor-${port}=[\\w-]{43}; Path=/admin/; HttpOnly; SameSite=Strict$`));
    assert.equal(page.headers["x-frame-options"], "DENY");
    assert.equal(page.headers["content-security-policy"], "frame-ancestors 'none'");
    assert.equal(page.text.includes(cookie.split("=")[1]!), false, "the token is not in the page");
    assert.doesNotMatch(edit!.log, new RegExp(cookie.split("=")[1]!), "nor on the terminal");
    const answer = await api(getEmbargoed);
    assert.equal(answer.status, 200, answer.text);
    assert.match(JSON.parse(answer.text).data, /title: FUTURESECRET/);
    const config = await send(port, "/admin/config.yml");
    assert.match(config.text, /proxy_url: \/admin\/api\/v1\n/);
    assert.doesNotMatch(config.text, /local_backend|8081/);
  });

  test("decap-server listens on no TCP port: only on a Unix socket in a folder only this user may open", () => {
    const children = childrenOf(edit!.child.pid!);
    assert.equal(children.length, 1, "one child: decap-server");
    const sockets = socketsOf(children[0]!);
    assert.deepEqual(sockets.tcpListening, [], "no TCP port a browser could reach");
    const folders = [...new Set(sockets.unixPaths.map((socket) => path.dirname(socket)))];
    assert.equal(folders.length, 1, String(sockets.unixPaths));
    assert.equal(statSync(folders[0]!).mode & 0o777, 0o700);
    assert.deepEqual(socketsOf(edit!.child.pid!).tcpListening, [port], "pressroom itself: the preview's port only");
  });

  test("a foreign Host (DNS rebinding) gets 403 on every route: pages, drafts, the editor's page and its API", async () => {
    const rebound = `rebind.example:${port}`;
    for (const target of ["/", "/2026/12/24/futuresecret/", "/2026/11/25/entwurf/", "/admin/", "/admin/config.yml", "/releases.json"]) {
      const answer = await send(port, target, { host: rebound });
      assert.equal(answer.status, 403, target);
      assert.doesNotMatch(answer.text, /FUTURESECRET|DRAFTSECRET/, target);
      assert.equal(answer.headers["set-cookie"], undefined, `${target}: no session for another name`);
    }
    // What the rebinding page sent: its own name and origin, JSON; with the session even.
    for (const host of [rebound, `127.0.0.1.rebind.example:${port}`, `127.0.0.1:${port + 1}`, "127.0.0.1"]) {
      const answer = await api(getEmbargoed, { host, headers: { origin: `http://${host}` } });
      assert.equal(answer.status, 403, host);
      assert.doesNotMatch(answer.text, /FUTURESECRET/);
    }
    // The names the preview has: 127.0.0.1, localhost, [::1] (any case) with its port.
    for (const host of [`localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`]) assert.equal((await send(port, "/", { host })).status, 200, host);
  });

  test("another page's requests to the API: a foreign Origin, no Origin, text/plain, no or an old session cookie — each 403", async () => {
    const refused: [string, Record<string, string>][] = [
      ["a foreign Origin", { origin: "http://evil.example" }],
      ["another port's Origin", { origin: `http://127.0.0.1:${port + 1}` }],
      ["the opaque Origin of a sandboxed page", { origin: "null" }],
      ["text/plain, which needs no permission to send", { "content-type": "text/plain" }],
      ["a form's content type", { "content-type": "application/x-www-form-urlencoded" }],
      ["no session cookie", { cookie: "" }],
      ["the session cookie of an earlier run", { cookie: `pressroom-editor-${port}=${"A".repeat(43)}` }],
    ];
    for (const [what, headers] of refused) {
      const answer = await api(getEmbargoed, { headers });
      assert.equal(answer.status, 403, what);
      assert.doesNotMatch(answer.text, /FUTURESECRET/, what);
      assert.ok(typeof JSON.parse(answer.text).error === "string", what);
    }
    const noOrigin = await send(port, "/admin/api/v1", { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(getEmbargoed) });
    assert.equal(noOrigin.status, 403);
    assert.equal((await send(port, "/admin/api/v1", { headers: { origin: own, cookie } })).status, 405, "GET");
  });

  test("writes outside the releases are refused: ../outside.md, .git/config, .github/workflows, site.yaml, templates, absolute paths", async () => {
    const fsmonitor = Buffer.from("[core]\n\tfsmonitor = touch /tmp/pwned\n").toString("base64");
    const targets = [
      "../outside.md",
      "content/releases/../../outside.md",
      ".git/config",
      "content/releases/2026/.git/config",
      ".github/workflows/x.yml",
      "content/site.yaml",
      "content/departments.yaml",
      "layouts/release.njk",
      "content/layouts/base.njk",
      "content/releases-other/x.md",
      path.join(repo, "content/releases/2026/x.md"),
      "/etc/x.md",
      "content\\releases\\..\\..\\x.md",
      "content/releases",
    ];
    for (const target of targets) {
      const entry = { slug: "2026/x/index", path: target, raw: "---\ntitle: x\n---\n" };
      const release = { slug: "2026/2026-12-01-x/index", path: "content/releases/2026/2026-12-01-x/index.md", raw: "---\ntitle: x\n---\n" };
      const options = { collectionName: "releases", commitMessage: "x", useWorkflow: true, status: "draft" };
      for (const params of [
        { dataFiles: [entry], assets: [], options },
        { dataFiles: [{ ...release, newPath: target }], assets: [], options },
        { dataFiles: [release], assets: [{ path: target, content: fsmonitor, encoding: "base64" }], options },
      ]) {
        const answer = await api({ action: "persistEntry", params: { branch: "main", ...params } });
        assert.equal(answer.status, 403, `${target}: ${answer.text}`);
      }
      for (const read of [{ action: "getEntry", params: { branch: "main", path: target } }, { action: "getMediaFile", params: { branch: "main", path: target } }]) {
        assert.equal((await api(read)).status, 403, `${read.action} ${target}`);
      }
    }
    assert.equal(stateOf(repo), before_, "no ref, no file, no configuration changed");
    assert.equal(existsSync(path.join(path.dirname(repo), "outside.md")), false);
  });

  test("nothing is committed onto main past the review: persistMedia, deleteFile, deleteFiles, a save without the workflow — each 403", async () => {
    const photo = { path: "content/releases/2026/neu.jpg", content: Buffer.from("not a photo").toString("base64"), encoding: "base64" };
    const requests = [
      { action: "persistMedia", params: { branch: "main", asset: photo, options: { commitMessage: "x" } } },
      { action: "persistMedia", params: { branch: "main", asset: { ...photo, path: ".git/config" }, options: { commitMessage: "x" } } },
      { action: "deleteFile", params: { branch: "main", path: RELEASE, options: { commitMessage: "x" } } },
      { action: "deleteFiles", params: { branch: "main", paths: [RELEASE, EMBARGOED], options: { commitMessage: "x" } } },
      {
        action: "persistEntry",
        params: {
          branch: "main",
          dataFiles: [{ slug: "2026/2026-12-01-x/index", path: "content/releases/2026/2026-12-01-x/index.md", raw: "---\ntitle: x\n---\n" }],
          assets: [],
          options: { collectionName: "releases", commitMessage: "x", useWorkflow: false, status: "draft" },
        },
      },
      // Another branch than the one edit started on, a status that is not one, a slug with a line break for .git/config.
      { action: "getEntry", params: { branch: "gh-pages", path: RELEASE } },
      { action: "updateUnpublishedEntryStatus", params: { branch: "main", collection: "releases", slug: "2026/x/index", newStatus: "x\n[core]\nfsmonitor=x" } },
      { action: "updateUnpublishedEntryStatus", params: { branch: "main", collection: "releases", slug: "x\n[core]", newStatus: "draft" } },
      { action: "publishUnpublishedEntry", params: { branch: "main", collection: "pages", slug: "x" } },
      { action: "shutdown", params: { branch: "main" } },
    ];
    for (const request of requests) {
      const answer = await api(request);
      assert.equal(answer.status, 403, `${request.action}: ${answer.text}`);
    }
    assert.equal(stateOf(repo), before_, "no ref, no file, no configuration changed");
  });

  test("the terminal names each kind of refusal once, in the site's language", () => {
    const lines = edit!.log.split("\n");
    const once = (start: string): void => assert.equal(lines.filter((line) => line.startsWith(start)).length, 1, `${start}\n${edit!.log}`);
    once("Abgelehnt: eine Anfrage an den Namen „rebind.example:");
    once("Abgelehnt: eine Anfrage an die Redaktion von einer anderen Seite (http://evil.example)");
    once("Abgelehnt: eine Anfrage an die Redaktion, die kein JSON ist (text/plain)");
    once("Abgelehnt: eine Anfrage an die Redaktion ohne gültigen Sitzungsschlüssel");
    once("Abgelehnt: persistMedia content/releases/2026/neu.jpg – das käme ungeprüft direkt in den Zweig");
    once("Abgelehnt: persistEntry: ../outside.md liegt nicht im Ordner der Meldungen");
  });

  test("the live-reload WebSocket: a foreign Host or another site's Origin is refused, the page's own connects", async () => {
    assert.equal(await upgrade(port, `rebind.example:${port}`, `http://rebind.example:${port}`), 403);
    assert.equal(await upgrade(port, `127.0.0.1:${port}`, "http://evil.example"), 403);
    assert.equal(await upgrade(port, `127.0.0.1:${port}`, own), 101);
  });

  test("after all that, the preview still answers and decap-server still works", async () => {
    assert.equal((await send(port, "/")).status, 200);
    assert.equal((await api({ action: "info" })).status, 200);
    assert.equal(edit!.child.exitCode, null);
  });
});

describe("pressroom serve against a web page that attacks it", () => {
  let serve: Running | undefined;
  let port = 0;
  after(() => stop(serve));

  before(async () => {
    const work = scratch();
    cpSync(fixture("valid"), path.join(work, "content"), { recursive: true });
    // --host on purpose: 127.0.0.2 is this computer too (loopback), and the preview answers to that name as well.
    serve = await start(["serve", "--port", "0", "--host", "127.0.0.2"], work, /Vorschau unter http:\/\/127\.0\.0\.2:\d+\//);
    port = Number(/127\.0\.0\.2:(\d+)/.exec(serve.log)![1]);
  });

  /** `send` to 127.0.0.2, where this preview listens. */
  const get = (target: string, host = `127.0.0.2:${port}`): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const request = http.get({ host: "127.0.0.2", port, path: target, headers: { host } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
      });
      request.on("error", reject);
    });

  test("drafts and embargoed releases only under the preview's own names (and the one given with --host)", async () => {
    for (const host of [`127.0.0.2:${port}`, `127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await get("/2026/12/24/futuresecret/", host);
      assert.equal(answer.status, 200, host);
      assert.match(answer.text, /FUTURESECRET/);
    }
    for (const host of [`rebind.example:${port}`, `127.0.0.3:${port}`, `localhost:${port + 1}`, `localhost`]) {
      const answer = await get("/2026/12/24/futuresecret/", host);
      assert.equal(answer.status, 403, host);
      assert.doesNotMatch(answer.text, /FUTURESECRET/);
    }
    assert.match(serve!.log, /^Abgelehnt: eine Anfrage an den Namen „rebind\.example:\d+“/m);
  });

  test("the live-reload WebSocket with a foreign Host is refused", async () => {
    const socket = (host: string, origin: string): Promise<number> => upgrade(port, host, origin, "127.0.0.2");
    assert.equal(await socket(`rebind.example:${port}`, `http://rebind.example:${port}`), 403);
    assert.equal(await socket(`127.0.0.2:${port}`, `http://127.0.0.2:${port}`), 101);
  });

  test("malformed paths get 400 and the preview stays up", async () => {
    for (const target of ["/..%2f..%2fx", "/..%2F..%2Fetc%2Fpasswd", "/%", "/%00", "/%e0%a4%a", "/a/%2e%2e/%2e%2e/x", "/%5c..%5cx", "//rebind.example/"]) {
      const answer = await get(target);
      assert.equal(answer.status, 400, target);
      assert.equal(serve!.child.exitCode, null, `${target} stopped the preview:\n${serve!.log}`);
    }
    const page = await get("/2026/11/20/hallenbad/");
    assert.equal(page.status, 200);
    assert.equal(serve!.child.exitCode, null);
  });
});

describe("pressroom edit never leaves decap-server running", { concurrency: 3 }, () => {
  for (const signal of ["SIGINT", "SIGTERM", "SIGKILL"] as const) {
    test(`stopped by ${signal}: no process of it is left`, async () => {
      const repo = repository();
      const port = await freePort();
      const edit = await start(["edit", "--content", "content", "--port", String(port)], repo, new RegExp(`http://127\\.0\\.0\\.1:${port}/\\n`));
      const pid = edit.child.pid!;
      const children = childrenOf(pid);
      assert.ok(children.length > 0, "decap-server runs as a child of pressroom");
      await stop(edit, signal);
      for (const child of children) assert.ok(await gone(child), `process ${child} still runs after ${signal} of pressroom edit`);
    });
  }
});

describe("the rules of the front, one by one", () => {
  test("names: the port always, the name given with --host, a browser's Host without port only for port 80", () => {
    const hosts = ownHosts(8080, "presse-pc.example");
    for (const host of ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "presse-pc.example:8080"]) assert.ok(isOwnHost(host, hosts), host);
    for (const host of ["127.0.0.1", "127.0.0.1:8081", "localhost.:8080", "rebind.example:8080", "127.0.0.1:8080.rebind.example", undefined]) {
      assert.equal(isOwnHost(host, hosts), false, String(host));
    }
    assert.ok(isOwnHost("localhost", ownHosts(80)));
    assert.ok(isOwnHost("[::1]:8080", ownHosts(8080, "::1")));
    assert.ok(isOwnOrigin("http://localhost:8080", "localhost:8080"));
    assert.equal(isOwnOrigin("http://localhost:8080", "127.0.0.1:8080"), false);
    assert.equal(isOwnOrigin("https://127.0.0.1:8080", "127.0.0.1:8080"), false);
  });

  test("paths: plain ones pass, undecodable, control characters, backslashes and dot segments do not", () => {
    for (const good of ["/", "/2026/11/27/neue-br%C3%BCcke/", "/suche/?q=%25", "/a.b/c..d/", "/admin/api/v1"]) assert.ok(isWellFormedPath(good), good);
    for (const bad of ["/..%2f..%2fx", "/%", "/%00", "/%0a", "/a/%2E%2E/b", "/./x", "/x%5c..", "//evil.example/", "http://evil.example/", "*", "", undefined]) {
      assert.equal(isWellFormedPath(bad), false, String(bad));
    }
  });

  test("the editor's paths and slugs: inside releases/, nothing hidden, nothing above", () => {
    const releases = "content/releases";
    assert.ok(isReleasePath("content/releases/2026/2026-12-01-neue-brücke/index.md", releases));
    assert.ok(isReleasePath("content/releases/", releases, true));
    assert.equal(isReleasePath("content/releases", releases), false, "the folder is no file");
    for (const bad of ["content/releases/../site.yaml", "content/releases/.git/config", "content/releases//x.md", "/content/releases/x.md", "content/releasesx/x.md", "Content/releases/x.md", 7]) {
      assert.equal(isReleasePath(bad, releases), false, String(bad));
    }
    assert.ok(isReleasePath("releases/2026/x.md", "releases"), "a content folder that is the repository itself");
    assert.ok(isSlug("2026/2026-12-01-neue-brücke-über-die-aa/index"));
    for (const bad of ["x\n[core]", "../x", "2026/.x", "a b", "x:y", "", 1]) assert.equal(isSlug(bad), false, String(bad));
  });

  test("Decap's requests of the editorial workflow pass in git mode; a save without it, or media straight onto the branch, do not", () => {
    const rules = { mode: "git", releases: "content/releases", branch: "main" } as const;
    const save = {
      action: "persistEntry",
      params: {
        branch: "main",
        dataFiles: [{ slug: "2026/2026-12-01-x/index", path: "content/releases/2026/2026-12-01-x/index.md", raw: "---\n---\n" }],
        assets: [{ path: "content/releases/2026/2026-12-01-x/foto.jpg", content: "", encoding: "base64" }],
        options: { collectionName: "releases", commitMessage: "x", useWorkflow: true, status: "draft" },
      },
    };
    assert.deepEqual(judge(save, rules), { ok: true, paths: ["content/releases/2026/2026-12-01-x/index.md", "content/releases/2026/2026-12-01-x/foto.jpg"] });
    assert.equal(judge({ ...save, params: { ...save.params, options: { ...save.params.options, useWorkflow: false } } }, rules).ok, false);
    assert.equal(judge({ ...save, params: { ...save.params, options: { ...save.params.options, useWorkflow: false } } }, { ...rules, mode: "fs" }).ok, true, "outside git there is no branch to protect");
    assert.ok(judge({ action: "publishUnpublishedEntry", params: { branch: "main", collection: "releases", slug: "2026/2026-12-01-x/index" } }, rules).ok);
    assert.ok(judge({ action: "updateUnpublishedEntryStatus", params: { branch: "main", collection: "releases", slug: "2026/x/index", newStatus: "pending_publish" } }, rules).ok);
    assert.ok(judge({ action: "unpublishedEntry", params: { branch: "main", id: "releases/2026/x/index", collection: "releases", slug: "2026/x/index" } }, rules).ok);
    const media = { action: "persistMedia", params: { branch: "main", asset: { path: "content/releases/x.jpg", content: "", encoding: "base64" }, options: { commitMessage: "x" } } };
    assert.deepEqual(judge(media, rules), { ok: false, reason: "action", detail: "persistMedia content/releases/x.jpg" });
    assert.ok(judge(media, { ...rules, mode: "fs" }).ok);
  });
});
