using System;
using System.Text;
class P {
  static void Main() {
    int[] seeds = {0, 1, 12, 33859, 100000, 123456, 654321, 999999, 161803398, 161803399, 200000000, 1000000000, 2147483646, 2147483647};
    long[] maxes = {9, 100, 17056145, 2147483647};
    var sb = new StringBuilder();
    sb.Append("[");
    bool first = true;
    foreach (int s in seeds) {
      if (!first) sb.Append(","); first = false;
      sb.Append("{\"seed\":" + s + ",\"next\":[");
      var r = new Random(s);
      for (int i = 0; i < 8; i++) { if (i>0) sb.Append(","); sb.Append(r.Next()); }
      sb.Append("],\"nextBelow\":{");
      bool f2 = true;
      foreach (long m in maxes) {
        if (!f2) sb.Append(","); f2 = false;
        var q = new Random(s);
        sb.Append("\"" + m + "\":[");
        for (int i = 0; i < 8; i++) { if (i>0) sb.Append(","); sb.Append(q.Next((int)m)); }
        sb.Append("]");
      }
      sb.Append("}}");
    }
    sb.Append("]");
    Console.WriteLine(sb.ToString());
  }
}
