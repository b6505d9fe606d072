// The sandbox page: shows what /state renders for the chosen person and sends what they do.
"use strict";

const params = new URLSearchParams(location.search);
const ui = {
  user: document.getElementById("user"),
  now: document.getElementById("now"),
  notice: document.getElementById("notice"),
  sidebar: document.getElementById("sidebar"),
  conversation: document.getElementById("conversation"),
  composer: document.getElementById("composer"),
  message: document.getElementById("message"),
  modal: document.getElementById("modal"),
};
let conversation = params.get("c") || "home";
let modalKey = null;
let refreshing = null;
let again = false;

if (params.get("user")) ui.user.value = params.get("user");

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user: ui.user.value, ...body }),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) tell(data.notice || "Jokin meni vikaan; yritä uudelleen.");
  return data;
}

function tell(text) {
  ui.notice.textContent = text || "";
}

function remember() {
  const query = new URLSearchParams({ user: ui.user.value, c: conversation });
  history.replaceState(null, "", "?" + query.toString());
}

// One refresh at a time; a change during one asks for another right after.
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const asked = { user: ui.user.value, c: conversation };
      const response = await fetch("/state?" + new URLSearchParams(asked).toString());
      const state = response.ok ? await response.json() : null;
      // a choice made meanwhile wins: ask again rather than show the older one
      if (asked.user !== ui.user.value || asked.c !== conversation) again = true;
      else if (state) show(state);
    } while (again);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

let shown = null; // the person and conversation on screen, to keep or reset the scrolling

function show(state) {
  conversation = state.conversation;
  remember();
  ui.now.textContent = state.now;
  replace(ui.sidebar, state.sidebar);
  ui.composer.hidden = !state.composer; // first: it changes the height the pane scrolls in
  const pane = ui.conversation;
  const same = shown === state.user + " " + state.conversation;
  const atBottom = pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 8;
  const kept = pane.scrollTop;
  if (replace(pane, state.main) || !same) {
    pane.scrollTop = same && !atBottom ? kept : pane.scrollHeight; // like Slack: newest in view
  }
  const opened = shown !== state.user + " " + state.conversation;
  shown = state.user + " " + state.conversation;
  // Slack tells the app each time someone opens its Home tab; the app then (re)publishes it
  if (opened && state.conversation === "home") post("/home", {});
  showModal(state.modal);
}

// Only what changed is replaced, so focus, selections and scrolling stay where they were.
const rendered = new Map();
function replace(element, html) {
  if (rendered.get(element) === html) return false;
  rendered.set(element, html);
  element.innerHTML = html;
  return true;
}

function showModal(modal) {
  if (!modal) {
    modalKey = null;
    if (ui.modal.open) ui.modal.close();
    return;
  }
  if (modal.key === modalKey) return; // keep what is being typed
  const current = ui.modal.querySelector(".modal");
  const typed = current && modal.key.startsWith(current.dataset.viewId + ":") ? inputsIn(current) : [];
  modalKey = modal.key;
  ui.modal.innerHTML = modal.html;
  restore(ui.modal, typed); // the same form shown again (with errors) keeps what was typed
  if (!ui.modal.open) ui.modal.showModal();
  const first = ui.modal.querySelector("[role=alert]") ? ui.modal.querySelector("[aria-invalid=true], input, select, textarea") : ui.modal.querySelector("input, select, textarea");
  if (first) first.focus();
}

// The value an input holds, in the form interaction.py reads.
function valueOf(element) {
  const kind = element.dataset.kind;
  if (kind === "button") return element.dataset.value || "";
  if (kind === "checkboxes") {
    return [...element.querySelectorAll("input:checked")].map((box) => box.value);
  }
  if (kind === "radio_buttons") {
    const picked = element.querySelector("input:checked");
    return picked ? picked.value : "";
  }
  if (element.multiple) return [...element.selectedOptions].map((option) => option.value);
  return element.value || "";
}

function restore(container, typed) {
  for (const { block_id, action_id, value } of typed) {
    const element = [...container.querySelectorAll("[data-kind][data-action-id]")].find(
      (candidate) => candidate.dataset.blockId === block_id && candidate.dataset.actionId === action_id);
    if (!element) continue;
    const chosen = new Set(Array.isArray(value) ? value : [value]);
    if (["checkboxes", "radio_buttons"].includes(element.dataset.kind)) {
      element.querySelectorAll("input").forEach((box) => { box.checked = chosen.has(box.value); });
    } else if (element.multiple) {
      [...element.options].forEach((option) => { option.selected = chosen.has(option.value); });
    } else {
      element.value = value;
    }
  }
}

function inputsIn(container) {
  return [...container.querySelectorAll("[data-kind][data-action-id]")]
    .filter((element) => !["button", "view-submit", "view-close"].includes(element.dataset.kind))
    .map((element) => ({
      block_id: element.dataset.blockId,
      action_id: element.dataset.actionId,
      value: valueOf(element),
    }));
}

function confirmed(element) {
  if (!element.dataset.confirm) return true;
  const dialog = JSON.parse(element.dataset.confirm);
  return window.confirm([dialog.title, dialog.text].filter(Boolean).join("\n\n"));
}

async function act(element) {
  if (!confirmed(element)) return;
  const own = { block_id: element.dataset.blockId, action_id: element.dataset.actionId, value: valueOf(element) };
  const body = { block_id: own.block_id, action_id: own.action_id, conversation };
  const modal = element.closest(".modal");
  const home = element.closest(".home");
  if (modal) {
    Object.assign(body, { surface: "modal", view_id: modal.dataset.viewId, values: [...inputsIn(modal), own] });
  } else if (home) {
    Object.assign(body, { surface: "home", view_id: home.dataset.viewId, values: [own] });
  } else {
    const message = element.closest("[data-ts]");
    Object.assign(body, { surface: "message", ts: message ? message.dataset.ts : "", values: [own] });
  }
  tell("");
  await post("/action", body);
  await refresh();
}

async function submitModal() {
  const modal = ui.modal.querySelector(".modal");
  if (!modal) return;
  tell("");
  await post("/submit", { view_id: modal.dataset.viewId, values: inputsIn(modal) });
  modalKey = null; // show the errors (or the next view) even when the view itself is unchanged
  await refresh();
}

async function closeModal() {
  const modal = ui.modal.querySelector(".modal");
  if (modal) await post("/close", { view_id: modal.dataset.viewId });
  await refresh();
}

async function choose(target) {
  conversation = target;
  tell("");
  await refresh();
  if (!ui.composer.hidden) ui.message.focus();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-conversation]");
  if (link) {
    event.preventDefault();
    choose(link.dataset.conversation);
    return;
  }
  const clock = event.target.closest("button[data-clock]");
  if (clock) {
    tell("");
    post("/clock", { step: clock.dataset.clock }).then((data) => { if (data.notice) tell(data.notice); refresh(); });
    return;
  }
  const element = event.target.closest("[data-kind]");
  if (!element) return;
  if (element.dataset.kind === "view-submit") submitModal();
  else if (element.dataset.kind === "view-close") closeModal();
  else if (element.dataset.kind === "button") act(element);
});

// A choice in a message or the Home tab acts at once; in a form it waits for the submit.
document.addEventListener("change", (event) => {
  const element = event.target.closest("[data-kind][data-action-id]");
  if (!element || element.closest(".modal") || element.dataset.kind === "button") return;
  act(element);
});

ui.modal.addEventListener("cancel", (event) => {
  event.preventDefault();
  closeModal();
});

ui.modal.addEventListener("submit", (event) => {
  event.preventDefault();
  submitModal();
});

ui.user.addEventListener("change", () => choose(conversation));

ui.composer.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = ui.message.value;
  if (!text.trim()) return;
  ui.message.value = "";
  tell("");
  const data = await post("/send", { conversation, text });
  if (data.ok === false) ui.message.value = text; // let them fix it
  await refresh();
});

ui.message.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

const changes = new EventSource("/events");
changes.onmessage = () => refresh();

choose(conversation);
