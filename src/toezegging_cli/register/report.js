(function(){
 const rows=[...document.querySelectorAll('#commitments tbody tr')];
 const q=document.getElementById('q'),st=document.getElementById('status'),mi=document.getElementById('ministry');
 const shown=document.getElementById('shown');
 function apply(){
  const text=q.value.trim().toLowerCase(),s=st.value,m=mi.value;let n=0;
  for(const r of rows){
   const ok=(!text||r.textContent.toLowerCase().includes(text))&&(!m||r.dataset.ministry===m)&&
    (!s||(s==='overdue'?r.classList.contains('overdue'):r.dataset.status===s));
   r.hidden=!ok;if(ok)n++;
  }
  shown.textContent=n;
  const h=new URLSearchParams();if(text)h.set('q',q.value.trim());if(s)h.set('status',s);if(m)h.set('ministry',m);
  const frag=h.toString();if(('#'+frag)!==location.hash&&(frag||location.hash))history.replaceState(null,'','#'+frag);
 }
 const init=new URLSearchParams(location.hash.slice(1));
 q.value=init.get('q')||'';st.value=init.get('status')||'';mi.value=init.get('ministry')||'';
 for(const el of [q,st,mi])el.addEventListener('input',apply);
 document.querySelectorAll('#commitments th').forEach((th,i)=>th.addEventListener('click',()=>{
  const asc=!th.classList.contains('asc');
  document.querySelectorAll('#commitments th').forEach(t=>t.classList.remove('asc','desc'));
  th.classList.add(asc?'asc':'desc');
  const key=r=>r.cells[i].dataset.sort??r.cells[i].textContent;
  rows.sort((a,b)=>{const x=key(a),y=key(b);const c=(x===''?1:0)-(y===''?1:0)||x.localeCompare(y,'nl',{numeric:true});
   return asc?c:-c;});
  const body=document.querySelector('#commitments tbody');rows.forEach(r=>body.appendChild(r));
 }));
 apply();
})();
