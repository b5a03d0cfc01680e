#!/usr/bin/env bash
# usage: pairs.sh pairs.txt  (run from the project root)
while IFS='|' read -r hp src; do
  npx tsx src/cli/main.ts match --headphone "$hp" --source "$src" --json 2>/dev/null | node -e '
let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let out;try{const a=JSON.parse(s);const m=a.match||a;const r=m.result||m;
const v=r.verdict??a.kind; const h=r.headroomDb; const hp=(m.headphone||r.headphone||{}).id??"-"; const so=(m.source||r.source||{}).id??"-";
out=`${v}\t${h==null?"":h.toFixed(1)}\t${hp}\t${so}`}catch(e){out="unparsed\t\t-\t-"}
console.log(process.argv[1]+"|"+process.argv[2]+"\t"+out)})' "$hp" "$src"
done < "$1"
