// Progressive enhancement of the interview: as an answer is chosen, the follow-up questions it
// makes due appear (and those it makes moot disappear) without pressing Continue. The server
// decides which questions are asked, from the rulebook, exactly as it does when the page is sent;
// without this script the page works the same, asking new follow-ups after Continue.
(function () {
  var form = document.querySelector('form[data-preview]');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var shown = form.querySelector('input[name="shown"]');
  var live = document.getElementById('live');
  var pending = null;

  function update() {
    form.setAttribute('data-pending', '');
    var body = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute('data-preview'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: {'Accept': 'application/json'}
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      if (!result) {
        return;
      }
      var visible = [];
      form.querySelectorAll('[data-question]').forEach(function (question) {
        var asked = result.asked.indexOf(question.getAttribute('data-question')) >= 0;
        var appearing = asked && question.hidden;
        question.hidden = !asked;
        if (asked) {
          visible.push(question.getAttribute('data-question'));
        }
        if (appearing) {
          question.classList.add('revealed');
        }
      });
      shown.value = visible.join(',');
      if (live && form.querySelector('.revealed:not([data-announced])')) {
        form.querySelectorAll('.revealed').forEach(function (q) { q.setAttribute('data-announced', ''); });
        live.textContent = 'Your answer means we have another question for you, below it.';
      }
    }).catch(function () {
      // offline or refused: Continue still asks what is due
    }).then(function () {
      form.removeAttribute('data-pending');
    });
  }

  form.addEventListener('change', function () {
    clearTimeout(pending);
    form.setAttribute('data-pending', '');
    pending = setTimeout(update, 150);
  });
})();
