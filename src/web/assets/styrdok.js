// styrdok serve: the page follows the builds without a reload. The server says over Server-Sent
// Events when a build has finished (its generation number); the page then fetches its own address
// again and swaps the navigation and the main content, keeping the focus where it was and telling a
// screen reader in words. Without this script every view still works with a reload.
"use strict";

(function () {
  const live = document.getElementById("meddelande");
  const shown = () => document.body.dataset.generation;

  function localTimes(root) {
    for (const t of root.querySelectorAll("time[data-lokal]")) {
      const when = new Date(t.getAttribute("datetime"));
      if (!isNaN(when)) {
        t.textContent = when.toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "medium" });
      }
    }
  }

  async function refresh(generation) {
    const response = await fetch(location.pathname + location.search, { credentials: "same-origin" });
    // A viewer whose document is gone answers 404 with a page that says so: show that page too.
    const isPage = (response.headers.get("content-type") || "").startsWith("text/html");
    if (!response.ok && !isPage) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const focused = document.activeElement && document.activeElement.id;
    // Read before the swap, which moves the fresh nodes out of `next`.
    const said = next.querySelector("[data-sammanfattning]");
    const summary = said ? said.dataset.sammanfattning : "Sidan uppdaterades.";
    for (const selector of ["nav", "main"]) {
      const now = document.querySelector(selector);
      const fresh = next.querySelector(selector);
      if (now && fresh) now.replaceChildren(...fresh.childNodes);
    }
    document.title = next.title;
    document.body.dataset.generation = next.body.dataset.generation || generation;
    localTimes(document);
    if (focused) {
      const again = document.getElementById(focused);
      if (again) again.focus();
    }
    live.textContent = summary;
  }

  // A file dragged from Explorer onto a form marked `data-slapp` is chosen and sent, as if picked in
  // its file field. Listened for on the document, so forms swapped in by `refresh` take drops too.
  const dropForm = (e) => e.target instanceof Element && e.target.closest("form[data-slapp]");
  for (const type of ["dragenter", "dragover"]) {
    document.addEventListener(type, (e) => {
      const form = dropForm(e);
      if (!form || !e.dataTransfer || !Array.from(e.dataTransfer.types).includes("Files")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      form.classList.add("slapp-har");
    });
  }
  document.addEventListener("dragleave", (e) => {
    const form = dropForm(e);
    if (form && !form.contains(e.relatedTarget)) form.classList.remove("slapp-har");
  });
  document.addEventListener("drop", (e) => {
    const form = dropForm(e);
    if (!form || !e.dataTransfer || e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    form.classList.remove("slapp-har");
    const input = form.querySelector("input[type=file]");
    if (!input) return;
    const files = input.multiple ? e.dataTransfer.files : [e.dataTransfer.files[0]];
    const chosen = new DataTransfer();
    for (const file of files) chosen.items.add(file);
    input.files = chosen.files;
    live.textContent = files.length === 1 ? "Filen skickas: " + files[0].name : files.length + " filer skickas.";
    form.requestSubmit();
  });

  localTimes(document);
  const events = new EventSource("/handelser");
  events.addEventListener("bygge", (e) => {
    if (e.data !== shown()) refresh(e.data).catch(() => {});
  });
  events.addEventListener("avslutad", () => {
    events.close();
    live.textContent = "styrdok har avslutats. Du kan stänga fliken.";
    const banner = document.createElement("p");
    banner.className = "lage fel";
    banner.textContent = "styrdok har avslutats. Sidan uppdateras inte längre; du kan stänga fliken.";
    document.querySelector("main").prepend(banner);
  });
})();
