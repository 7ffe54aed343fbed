/** The mail server's settings from the environment (notify/smtp.ts): read right, and never shown with the password. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MailError, smtpSettings, withoutPassword } from "../../src/notify/smtp.ts";

describe("smtpSettings", () => {
  it("reads PRESSROOM_SMTP_URL: STARTTLS on 587 or TLS on 465 by default, user and password decoded, shown without the password", () => {
    const plain = smtpSettings({ PRESSROOM_SMTP_URL: "smtp://presse%40stadt.de:p%3Ass%40w0rd@mail.musterstadt.de" });
    assert.deepEqual(
      { host: plain.host, port: plain.port, tls: plain.tls, user: plain.user, password: plain.password },
      { host: "mail.musterstadt.de", port: 587, tls: false, user: "presse@stadt.de", password: "p:ss@w0rd" },
    );
    assert.equal(plain.shown, "smtp://presse%40stadt.de@mail.musterstadt.de:587");
    const tls = smtpSettings({ PRESSROOM_SMTP_URL: "smtps://mail.musterstadt.de" });
    assert.deepEqual([tls.port, tls.tls, tls.user], [465, true, undefined]);
    assert.equal(smtpSettings({ PRESSROOM_SMTP_URL: "smtp://a:b@127.0.0.1:2525" }).port, 2525);
  });

  it("or the variables one by one", () => {
    const s = smtpSettings({ PRESSROOM_SMTP_HOST: "mail.musterstadt.de", PRESSROOM_SMTP_SECURITY: "tls", PRESSROOM_SMTP_USER: "presse", PRESSROOM_SMTP_PASSWORD: "geheim" });
    assert.deepEqual([s.host, s.port, s.tls, s.user, s.password], ["mail.musterstadt.de", 465, true, "presse", "geheim"]);
  });

  it("a setting that cannot work is a MailError of one line that names no secret", () => {
    for (const env of [
      { PRESSROOM_SMTP_URL: "https://presse:Geheim-1234@mail.musterstadt.de" },
      { PRESSROOM_SMTP_URL: "smtp://presse:Geheim-1234@" },
      {},
      { PRESSROOM_SMTP_HOST: "mail.musterstadt.de", PRESSROOM_SMTP_PORT: "abc" },
      { PRESSROOM_SMTP_HOST: "mail.musterstadt.de", PRESSROOM_SMTP_SECURITY: "ssl" },
    ]) {
      assert.throws(
        () => smtpSettings(env),
        (error: unknown) => error instanceof MailError && error.fatal && !error.message.includes("Geheim") && !error.message.includes("\n"),
        JSON.stringify(env),
      );
    }
  });

  it("withoutPassword hides the password as given and as written in an address", () => {
    const s = smtpSettings({ PRESSROOM_SMTP_URL: "smtp://presse:p%3Ass%40w0rd@mail.musterstadt.de" });
    assert.equal(withoutPassword("AUTH failed for p:ss@w0rd and p%3Ass%40w0rd", s), "AUTH failed for [password] and [password]");
  });
});
