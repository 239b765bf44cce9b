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

  // Follow the conversation to its newest message unless the reader has scrolled up.
  let pinned = true;
  document.addEventListener(
    "scroll",
    (event) => {
      const box = event.target;
      if (box && box.id === "pam-scroll") pinned = box.scrollTop + box.clientHeight >= box.scrollHeight - 48;
    },
    true,
  );
  // At most one scroll a frame (reading scrollHeight forces a layout), and none when scrolled up.
  let scheduled = false;
  new MutationObserver(() => {
    if (!pinned || scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const box = byId("pam-scroll");
      if (box && pinned) box.scrollTop = box.scrollHeight;
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
