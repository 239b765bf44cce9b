// PAM in the browser: dictation (speech recognition), spoken replies and keeping the newest message in view.
(function () {
  "use strict";
  if (window.wwPamLoaded) return;
  window.wwPamLoaded = true;

  const TOKEN_KEY = "ww_token";
  const byId = (id) => document.getElementById(id);

  function speakInBrowser(text) {
    if (!("speechSynthesis" in window)) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = navigator.language || "en-AU";
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
  }

  // Server voice (edge-tts, cached) when it answers; the browser's own voice otherwise.
  window.wwSpeak = async function (text) {
    if (!text) return;
    try {
      const response = await fetch("/api/v1/pam/speech", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: "Bearer " + (localStorage.getItem(TOKEN_KEY) || ""),
        },
        body: JSON.stringify({ text: text }),
      });
      if (response.status === 403) return; // the user turned PAM's voice off
      if (!response.ok) throw new Error("speech " + response.status);
      const audio = new Audio(URL.createObjectURL(await response.blob()));
      if (window.wwAudio) window.wwAudio.pause();
      window.wwAudio = audio;
      await audio.play();
    } catch (error) {
      speakInBrowser(text);
    }
  };

  // Dictate into the composer; when the speaker stops, send it (marked as spoken so the reply is read aloud).
  window.wwDictate = function () {
    const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    const input = byId("pam-input");
    const mic = byId("pam-mic");
    if (!Recognition || !input) return;
    if (window.wwRecognition) {
      window.wwRecognition.stop();
      return;
    }
    const recognition = new Recognition();
    recognition.lang = navigator.language || "en-AU";
    recognition.interimResults = true;
    let heard = "";
    recognition.onresult = (event) => {
      heard = Array.from(event.results).map((result) => result[0].transcript).join("");
      input.value = heard;
    };
    recognition.onend = () => {
      window.wwRecognition = null;
      if (mic) mic.removeAttribute("data-listening");
      if (!heard.trim()) return;
      const flag = byId("pam-via-voice");
      if (flag) flag.value = "1";
      byId("pam-form")?.requestSubmit();
      setTimeout(() => { if (flag) flag.value = "0"; }, 0);
    };
    recognition.onerror = () => {
      window.wwRecognition = null;
      if (mic) mic.removeAttribute("data-listening");
    };
    window.wwRecognition = recognition;
    if (mic) mic.setAttribute("data-listening", "true");
    recognition.start();
  };

  // The panel is a region beside the page, not a dialog, so keyboard care is ours: opening it moves focus
  // into it (the composer on desktop; the close button on phones, where focusing a field pops the keyboard),
  // Escape inside it closes it, and closing hands focus back to the launcher.
  const LAUNCHER = '[aria-label^="Open PAM"]';
  const CLOSE = '#pam-panel [aria-label="Close PAM"]';
  const shown = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible";
  function focusWhenShown(find, frames) {
    const el = find();
    if (shown(el)) el.focus();
    else if (frames > 0) requestAnimationFrame(() => focusWhenShown(find, frames - 1));
  }
  document.addEventListener(
    "click",
    (event) => {
      if (!(event.target instanceof Element)) return;
      if (event.target.closest(LAUNCHER)) {
        const desktop = window.matchMedia("(min-width: 769px)").matches;
        focusWhenShown(() => (desktop ? byId("pam-input") : document.querySelector(CLOSE)), 120);
      } else if (event.target.closest(CLOSE)) {
        focusWhenShown(() => document.querySelector(LAUNCHER), 120);
      }
    },
    true,
  );
  document.addEventListener("keydown", (event) => {
    // A menu open inside the panel takes its own Escape first (and marks it handled).
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (!(document.activeElement && document.activeElement.closest("#pam-panel"))) return;
    document.querySelector(CLOSE)?.click();
  });

  // Follow the conversation to its newest message unless the reader has scrolled up. Only a move above
  // where we last scrolled to counts as the reader's: a scroll event that arrives after more messages
  // came in (our own scroll, reported late) is not them leaving the bottom.
  let pinned = true;
  let scrolledTo = 0;
  document.addEventListener(
    "scroll",
    (event) => {
      const box = event.target;
      if (!(box && box.id === "pam-scroll")) return;
      if (box.scrollTop + box.clientHeight >= box.scrollHeight - 48) pinned = true;
      else if (box.scrollTop < scrolledTo - 2) pinned = false;
    },
    true,
  );
  // Sending a message, or opening the panel, follows the newest message again.
  document.addEventListener("submit", (event) => { if (event.target.id === "pam-form") pinned = true; }, true);
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest(LAUNCHER)) pinned = true;
  }, true);
  // At most one scroll a frame (reading scrollHeight forces a layout), and none when scrolled up.
  let scheduled = false;
  new MutationObserver(() => {
    if (!pinned || scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const box = byId("pam-scroll");
      if (box && pinned) {
        box.scrollTop = box.scrollHeight;
        scrolledTo = box.scrollTop;
      }
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
