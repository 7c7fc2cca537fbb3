/*
 * Benzo information assistant — website chat widget.
 *
 * Embed with one tag:
 *   <script src="https://assistant.example.org/widget/widget.js" data-title="Questions about benzos?"
 *           data-country="US" defer></script>
 * Optional: data-server (defaults to the script's origin), data-open="true".
 *
 * Safety and privacy by design: message text is only ever inserted with textContent (never as HTML); links are
 * created only for an allow-list of public help sites and for helpline phone numbers; the "Get help now" panel
 * uses the helpline table built into this file, so it works when the assistant is unreachable; the session token
 * is kept in sessionStorage (it ends with the tab) and was issued by the server.
 */
(function () {
  "use strict";

  var HELPLINES = /*HELPLINES*/null;
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var server = data.server || (script ? new URL(script.src).origin : window.location.origin);
  var title = data.title || "Benzo information assistant";
  var country = (data.country || (HELPLINES && HELPLINES["default"]) || "US").toUpperCase();
  var TOKEN_KEY = "benzo-widget-token";
  var LINK_HOSTS = ["findtreatment.gov", "988lifeline.org", "samhsa.gov", "poison.org"];

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Text → nodes: plain text, plus links for allow-listed sites and tel: links for helpline numbers.
  var phonePattern = /\b(\d{1,2}-\d{3}-\d{3}-\d{4}|9-8-8|988|911|999|000|111|116 123|13 11 14|0800 \d{3} \d{3})\b/g;
  function appendRich(parent, text) {
    var pattern = /(https?:\/\/[^\s]+|\b[a-z0-9.-]+\.(?:gov|org)\b)/gi;
    var last = 0;
    text.replace(pattern, function (match, _group, offset) {
      appendPhones(parent, text.slice(last, offset));
      var url = /^https?:/i.test(match) ? match : "https://" + match;
      var host = "";
      try { host = new URL(url).hostname.replace(/^www\./, ""); } catch (error) { host = ""; }
      var allowed = LINK_HOSTS.some(function (name) { return host === name || host.endsWith("." + name); });
      if (allowed && /^https:/i.test(url)) {
        var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, match);
        parent.appendChild(link);
      } else {
        parent.appendChild(document.createTextNode(match));
      }
      last = offset + match.length;
      return match;
    });
    appendPhones(parent, text.slice(last));
  }
  function appendPhones(parent, text) {
    var last = 0;
    text.replace(phonePattern, function (match, _group, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      parent.appendChild(el("a", { href: "tel:" + match.replace(/[^\d]/g, "") }, match));
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function loadStyles() {
    var link = el("link", { rel: "stylesheet", href: server + "/widget/widget.css" });
    document.head.appendChild(link);
  }

  // ------------------------------------------------------------------ layout
  var root = el("div", { class: "bw-root" });
  var helpButton = el("button", { type: "button", class: "bw-help-button", "aria-expanded": "false", "aria-controls": "bw-help" }, "Get help now");
  var launcher = el("button", { type: "button", class: "bw-launcher", "aria-expanded": "false", "aria-controls": "bw-panel" }, "Chat: " + title);
  var panel = el("section", { id: "bw-panel", class: "bw-panel", "aria-label": title, hidden: "" });
  var header = el("div", { class: "bw-header" });
  var heading = el("h2", { class: "bw-title", tabindex: "-1" }, title);
  var close = el("button", { type: "button", class: "bw-close", "aria-label": "Close chat" }, "×");
  header.appendChild(heading);
  header.appendChild(close);
  var notice = el("p", { class: "bw-notice" }, "Automated information assistant — not a clinician and not a crisis service. In an emergency, use “Get help now”.");
  // tabindex: a scrolling region must be reachable from the keyboard (WCAG 2.1.1).
  var log = el("div", { class: "bw-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation", tabindex: "0" });
  var status = el("p", { class: "bw-status", role: "status" });
  var typing = el("p", { class: "bw-typing", hidden: "" }, "The assistant is typing…");
  var form = el("form", { class: "bw-form" });
  var label = el("label", { for: "bw-input", class: "bw-visually-hidden" }, "Your message");
  var input = el("textarea", { id: "bw-input", rows: "2", maxlength: "4000", autocomplete: "off", placeholder: "Type your question…" });
  var send = el("button", { type: "submit", class: "bw-send" }, "Send");
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(send);
  [header, notice, log, typing, status, form].forEach(function (node) { panel.appendChild(node); });

  var help = el("section", { id: "bw-help", class: "bw-help", "aria-labelledby": "bw-help-title", hidden: "" });
  var helpTitle = el("h2", { id: "bw-help-title", class: "bw-title", tabindex: "-1" }, "Get help now");
  var countryLabel = el("label", { for: "bw-country" }, "Where are you? ");
  var countrySelect = el("select", { id: "bw-country" });
  var helpList = el("ul", { class: "bw-help-list" });
  var helpClose = el("button", { type: "button", class: "bw-close-help" }, "Close help");
  help.appendChild(helpTitle);
  help.appendChild(el("p", {}, "If you or someone else may be in danger, call the emergency number now."));
  help.appendChild(countryLabel);
  help.appendChild(countrySelect);
  help.appendChild(helpList);
  help.appendChild(helpClose);

  function renderHelp() {
    helpList.textContent = "";
    var table = HELPLINES && HELPLINES.countries[country];
    if (!table) return;
    table.lines.forEach(function (line) {
      var item = el("li");
      item.appendChild(el("strong", {}, line.name + ": "));
      appendPhones(item, line.contact);
      if (line.note) item.appendChild(document.createTextNode(" (" + line.note + ")"));
      helpList.appendChild(item);
    });
  }
  if (HELPLINES) {
    Object.keys(HELPLINES.countries).forEach(function (code) {
      var option = el("option", { value: code }, HELPLINES.countries[code].name.replace(/^the /, ""));
      if (code === country) option.selected = true;
      countrySelect.appendChild(option);
    });
  }

  // ---------------------------------------------------------------- messages
  function addMessage(sender, text, kind, buttons) {
    var item = el("div", { class: "bw-message bw-" + sender + (kind && kind !== "normal" ? " bw-" + kind : "") });
    item.appendChild(el("span", { class: "bw-visually-hidden" }, sender === "user" ? "You said: " : "Assistant: "));
    var body = el("div", { class: "bw-text" });
    appendRich(body, text || "");
    item.appendChild(body);
    if (kind === "crisis") item.setAttribute("role", "alert");
    log.appendChild(item);
    if (buttons && buttons.length) {
      var group = el("div", { class: "bw-buttons", role: "group", "aria-label": "Suggested replies" });
      buttons.forEach(function (button) {
        var choice = el("button", { type: "button", class: "bw-choice" }, button.title);
        choice.addEventListener("click", function () {
          group.querySelectorAll("button").forEach(function (node) { node.disabled = true; });
          sendMessage(button.payload, button.title);
        });
        group.appendChild(choice);
      });
      log.appendChild(group);
    }
    log.scrollTop = log.scrollHeight;
  }

  // ------------------------------------------------------------------ socket
  var socket = null;
  var typingTimer = null;
  function setTyping(on) {
    typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(function () { typing.hidden = true; }, 20000);
  }

  function connect() {
    if (typeof io === "undefined") {
      status.textContent = "The assistant can't be reached right now. “Get help now” still works.";
      return;
    }
    socket = io(server, { path: "/widget/socket.io", transports: ["websocket", "polling"] });
    socket.on("connect", function () {
      status.textContent = "";
      socket.emit("session_request", { token: sessionStorage.getItem(TOKEN_KEY) });
    });
    socket.on("session_confirm", function (session) {
      var fresh = !sessionStorage.getItem(TOKEN_KEY);
      sessionStorage.setItem(TOKEN_KEY, session.token);
      if (!log.childNodes.length) {
        (session.history || []).forEach(function (entry) { addMessage(entry.sender, entry.text, entry.kind, entry.sender === "bot" ? entry.buttons : null); });
      }
      if (fresh && country !== ((HELPLINES && HELPLINES["default"]) || "US")) {
        socket.emit("user_uttered", { message: '/inform_country{"country": "' + country + '"}', display: "I'm in " + countrySelect.selectedOptions[0].textContent });
      }
    });
    socket.on("bot_uttered", function (message) {
      setTyping(false);
      addMessage("bot", message.text, message.kind, message.buttons);
    });
    socket.on("widget_error", function (error) {
      setTyping(false);
      status.textContent = error.message;
    });
    socket.on("disconnect", function () {
      setTyping(false);
      status.textContent = "Connection lost — trying again. “Get help now” still works.";
    });
    socket.on("connect_error", function () {
      status.textContent = "The assistant can't be reached right now. “Get help now” still works.";
    });
  }

  function sendMessage(text, display) {
    if (!text.trim()) return;
    addMessage("user", display || text);
    if (!socket || !socket.connected) {
      status.textContent = "Not connected — your message was not sent. “Get help now” still works.";
      return;
    }
    setTyping(true);
    socket.emit("user_uttered", display ? { message: text, display: display } : { message: text });
  }

  // ------------------------------------------------------------------ events
  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    input.focus();
  }
  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  function toggleHelp(open) {
    help.hidden = !open;
    helpButton.setAttribute("aria-expanded", String(open));
    if (open) { renderHelp(); helpTitle.focus(); } else { helpButton.focus(); }
  }
  launcher.addEventListener("click", function () { if (panel.hidden) openPanel(); else closePanel(); });
  close.addEventListener("click", closePanel);
  helpButton.addEventListener("click", function () { toggleHelp(help.hidden); });
  helpClose.addEventListener("click", function () { toggleHelp(false); });
  countrySelect.addEventListener("change", function () {
    country = countrySelect.value;
    renderHelp();
    if (socket && socket.connected) {
      var name = countrySelect.selectedOptions[0].textContent;
      sendMessage('/inform_country{"country": "' + country + '"}', "I'm in " + name);
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    sendMessage(text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  root.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (!help.hidden) toggleHelp(false); else if (!panel.hidden) closePanel();
  });

  function start() {
    loadStyles();
    root.appendChild(help);
    root.appendChild(panel);
    var dock = el("div", { class: "bw-dock" });
    dock.appendChild(helpButton);
    dock.appendChild(launcher);
    root.appendChild(dock);
    document.body.appendChild(root);
    renderHelp();
    var client = el("script", { src: server + "/widget/socket.io.min.js" });
    client.onload = connect;
    client.onerror = connect;  // connect() reports the outage
    document.head.appendChild(client);
    if (data.open === "true") openPanel();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
