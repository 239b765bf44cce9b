// The installable app: register the service worker, and offer "Install app" once the browser allows it.
(function () {
  "use strict";
  if (window.wwPwaLoaded) return;
  window.wwPwaLoaded = true;

  const root = document.documentElement;
  let installPrompt = null;

  if ("serviceWorker" in navigator) {
    const register = () =>
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error) => {
        console.warn("Service worker not registered:", error);
      });
    if (document.readyState === "complete") register();
    else window.addEventListener("load", register, { once: true });
  }

  // Install buttons carry data-ww-install and are hidden by CSS until this attribute is set.
  function setInstallable(installable) {
    if (installable) root.dataset.wwInstallable = "true";
    else delete root.dataset.wwInstallable;
  }

  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    installPrompt = event;
    setInstallable(true);
  });

  window.addEventListener("appinstalled", () => {
    installPrompt = null;
    setInstallable(false);
  });

  document.addEventListener("click", async (event) => {
    const trigger = event.target instanceof Element && event.target.closest("[data-ww-install]");
    if (!trigger || !installPrompt) return;
    const prompt = installPrompt;
    installPrompt = null;
    setInstallable(false);
    // A prompt can be shown once; if declined, the browser may fire beforeinstallprompt again later.
    prompt.prompt();
    await prompt.userChoice;
  });
})();
