// Marks the page as scripted, so site.css folds the main menu behind the Menu button only when
// that button can work; without JavaScript the menu stays an ordinary list (see site.css).
document.documentElement.classList.add("soars-js");
