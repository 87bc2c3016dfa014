// My page (me.html): reads the student's details from this address's fragment, which the
// browser never sends to a server, and offers "Save contact" (a vCard made here) and "Send
// me your details" (the scanner's own mail or SMS app, with a link back into Followup's
// capture). It decodes exactly what src/domain/my_page.rs `MyPage::link` encodes and writes
// what `read_reply` reads; every text is shown with textContent, every link is checked.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);

  // n name, s school, h programme, y graduation year, e email, p phone, l LinkedIn
  // profile name, r resume link; "+" is a space, the rest percent-encoded UTF-8.
  function readFragment(fragment) {
    const me = {};
    for (const pair of fragment.split("&")) {
      const at = pair.indexOf("=");
      if (at < 1) continue;
      try {
        me[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " ")).trim();
      } catch (e) {
        // A broken escape leaves that field out, as the app does.
      }
    }
    return me;
  }

  // A LinkedIn profile name as people read it (it stays encoded in the link).
  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }

  const me = readFragment(location.hash.slice(1));
  const email = /^[^\s@?&#]+@[^\s@?&#]+\.[^\s@?&#]+$/.test(me.e || "") ? me.e : "";
  const phone = /^\+?[0-9]{3,20}$/.test(me.p || "") ? me.p : "";
  const linkedin = /^[A-Za-z0-9%_-]+$/.test(me.l || "") ? "https://www.linkedin.com/in/" + me.l + "/" : "";
  const resume = /^https?:\/\/[^\s]+\.[^\s]+$/i.test(me.r || "") ? me.r : "";
  const headline = [me.h, me.y ? (me.h ? "class of " : "Class of ") + me.y : ""].filter(Boolean).join(", ");

  if (!me.n) {
    $("me-missing").hidden = false;
    return;
  }
  document.title = me.n;
  $("me-name").textContent = me.n;
  $("me-initials").textContent = me.n.split(/\s+/).slice(0, 2).map((w) => Array.from(w)[0] || "").join("").toUpperCase();
  const line = (id, text) => {
    if (text) {
      $(id).textContent = text;
      $(id).hidden = false;
    }
  };
  line("me-headline", headline);
  line("me-school", me.s);

  const links = [
    ["Email", email, email && "mailto:" + email],
    ["Phone", phone, phone && "tel:" + phone],
    ["LinkedIn", linkedin && "in/" + decoded(me.l), linkedin],
    ["Resume", resume && resume.replace(/^https?:\/\//i, ""), resume],
  ];
  for (const [label, text, href] of links) {
    if (!href) continue;
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = href;
    if (/^https?:/i.test(href)) a.rel = "noopener";
    const small = document.createElement("span");
    small.textContent = label;
    const strong = document.createElement("strong");
    strong.textContent = text;
    a.append(small, strong);
    li.append(a);
    $("me-links").append(li);
  }

  // ------------------------------------------------------------------ Save contact

  // RFC 6350 3.4: backslash, comma, semicolon and line breaks are escaped.
  const esc = (v) => v.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/;/g, "\\;").replace(/\r\n|\r|\n/g, "\\n");
  // RFC 6350 3.2: lines of at most 75 octets, continued with CRLF and a space.
  function fold(text) {
    const out = [];
    let current = "";
    let octets = 0;
    for (const ch of Array.from(text)) {
      const size = new TextEncoder().encode(ch).length;
      if (octets + size > 75) {
        out.push(current);
        current = " ";
        octets = 1;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n");
  }
  function vcard() {
    const words = me.n.split(/\s+/);
    const lines = ["BEGIN:VCARD", "VERSION:3.0", "N:" + esc(words.slice(1).join(" ")) + ";" + esc(words[0]) + ";;;", "FN:" + esc(me.n)];
    if (me.s) lines.push("ORG:" + esc(me.s));
    if (headline) lines.push("TITLE:" + esc(headline));
    if (email) lines.push("EMAIL;TYPE=INTERNET:" + esc(email));
    if (phone) lines.push("TEL;TYPE=CELL:" + esc(phone));
    if (linkedin) lines.push("X-SOCIALPROFILE;TYPE=linkedin:" + linkedin, "URL:" + linkedin);
    if (resume) lines.push("URL;TYPE=resume:" + resume);
    lines.push("END:VCARD");
    return lines.map(fold).join("\r\n") + "\r\n";
  }
  $("me-save").hidden = false;
  $("me-save").addEventListener("click", () => {
    const file = new Blob([vcard()], { type: "text/vcard;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(file);
    a.download = (me.n.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "contact") + ".vcf";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });

  // ------------------------------------------------------------- Send me your details

  if (!email && !phone) return;
  $("me-reply").hidden = false;
  $("reply-email-send").hidden = !email;
  $("reply-sms-send").hidden = !phone;
  if (!email) $("reply-lead").textContent = "Your own messages app opens with a text to me. Nothing is sent until you send it.";

  // Percent-encoding as src/domain/percent.rs writes it: all but A-Z a-z 0-9 - . _ ~.
  const enc = (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  // The capture link, as `Reply::link` writes it: `contacts/new?via=me&n=…&c=…&e=…&l=…`.
  function replyLink(fields) {
    let query = "via=me";
    for (const key of ["n", "c", "e", "l"]) {
      const value = fields[key].trim();
      if (value) query += "&" + key + "=" + enc(value);
    }
    return new URL("contacts/new", location.href).href + "?" + query;
  }

  $("reply-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const by = !email || (event.submitter && event.submitter.id === "reply-sms-send") ? "sms" : "email";
    const fields = {};
    for (const key of ["n", "c", "e", "l"]) fields[key] = $("reply-form").elements[key].value;
    if (!fields.n.trim()) {
      $("reply-error").textContent = "Add your name, so I know who wrote.";
      $("reply-name").focus();
      return;
    }
    $("reply-error").textContent = "";
    const who = fields.n.trim() + (fields.c.trim() ? " (" + fields.c.trim() + ")" : "");
    const first = me.n.split(/\s+/)[0];
    const body =
      "Hi " + first + ", it's " + who + ". Here are my details, from your page:\n\n" +
      replyLink(fields) + "\n\n" +
      [fields.n, fields.c, fields.e, fields.l].map((v) => v.trim()).filter(Boolean).join("\n");
    const href = by === "sms" && phone
      ? "sms:" + phone + "?&body=" + enc(body)
      : "mailto:" + email + "?subject=" + enc("My details, from your page") + "&body=" + enc(body);
    const link = $("reply-link");
    link.href = href;
    $("reply-fallback").hidden = false;
    link.click();
  });
})();
