// Behaviour shared by every page. The CSP allows no inline script, so no on*= attributes:
// a form with data-confirm="问题" asks before it submits.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset ? event.target.dataset.confirm : undefined;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
